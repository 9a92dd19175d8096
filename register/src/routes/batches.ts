import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import {
  MAX_CONSENT_CHANGES_PER_BATCH,
  MAX_RECORDS_PER_BATCH,
  MAX_WITHDRAWALS_PER_BATCH,
  batchRequestSchema,
} from '../../../electron/shared/register-protocol'
import { submitBatch, type BatchHooks } from '../batches'
import type { Db } from '../db/db'
import { hashToken, kioskForToken } from '../tokens'

/** Failures injected on purpose so the kiosk's retry logic can be tested against the real thing. */
export interface RegisterFaults {
  /** Answer this many batch requests 500 (after authentication, before touching the database). */
  failBatches?: number
  /** Commit this many batches, then drop the connection without answering. */
  dropAfterCommit?: number
}

interface BatchRouteOptions {
  db: Db
  rateLimit: { max: number; windowMs: number }
  faults: RegisterFaults
  hooks: BatchHooks
  now: () => Date
}

const authenticated = new WeakMap<FastifyRequest, { kioskId: string; tokenHash: string }>()

/** `POST /v1/batches`: authenticated, rate-limited per token, applied exactly once. */
export const batchRoutes: FastifyPluginAsync<BatchRouteOptions> = async (app, options) => {
  const { db, faults, hooks, now } = options

  // Runs before the body is read, so an unknown caller cannot make the register parse 1 MB.
  async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
    const kioskId = match?.[1] ? await kioskForToken(db, match[1]) : null
    if (!match?.[1] || !kioskId) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="register"')
        .send({
          error: match
            ? 'Unknown or revoked kiosk token.'
            : 'Missing kiosk token: send Authorization: Bearer <token>.',
        })
    }
    authenticated.set(request, { kioskId, tokenHash: hashToken(match[1]) })
  }

  app.post(
    '/v1/batches',
    {
      onRequest: authenticate,
      config: {
        rateLimit: {
          max: options.rateLimit.max,
          timeWindow: options.rateLimit.windowMs,
          keyGenerator: (request: FastifyRequest) =>
            authenticated.get(request)?.tokenHash ?? request.ip,
        },
      },
    },
    async (request, reply) => {
      const caller = authenticated.get(request)
      if (!caller) throw new Error('batch route reached without authentication')
      if (faults.failBatches && faults.failBatches > 0) {
        faults.failBatches -= 1
        return reply.code(500).send({ error: 'Injected failure (test fault).' })
      }

      const tooMany = countProblem(request.body)
      if (tooMany) return reply.code(413).send({ error: tooMany })
      const parsed = batchRequestSchema.safeParse(request.body)
      if (!parsed.success) {
        const problems = parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`)
        return reply.code(400).send({ error: `Malformed batch: ${problems.join('; ')}` })
      }
      if (parsed.data.kioskId !== caller.kioskId) {
        return reply.code(403).send({
          error: `This token belongs to kiosk ${caller.kioskId}, not ${parsed.data.kioskId}.`,
        })
      }

      const outcome = await submitBatch(db, parsed.data, hooks, now())
      if (outcome.kind === 'conflict') return reply.code(409).send({ error: outcome.message })
      if (outcome.kind === 'applied' && faults.dropAfterCommit && faults.dropAfterCommit > 0) {
        faults.dropAfterCommit -= 1
        reply.hijack()
        reply.raw.destroy()
        return reply
      }
      return reply
        .code(200)
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(outcome.json)
    },
  )
}

/** A readable 413 message when a batch holds more than the protocol allows, else null. */
function countProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null
  const { records, withdrawals, consentChanges } = body as {
    records?: unknown
    withdrawals?: unknown
    consentChanges?: unknown
  }
  if (Array.isArray(records) && records.length > MAX_RECORDS_PER_BATCH) {
    return `Batch too large: ${records.length} records, at most ${MAX_RECORDS_PER_BATCH} per batch.`
  }
  if (Array.isArray(withdrawals) && withdrawals.length > MAX_WITHDRAWALS_PER_BATCH) {
    return `Batch too large: ${withdrawals.length} withdrawals, at most ${MAX_WITHDRAWALS_PER_BATCH} per batch.`
  }
  if (Array.isArray(consentChanges) && consentChanges.length > MAX_CONSENT_CHANGES_PER_BATCH) {
    return `Batch too large: ${consentChanges.length} consent changes, at most ${MAX_CONSENT_CHANGES_PER_BATCH} per batch.`
  }
  return null
}
