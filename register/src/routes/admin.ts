import cookie from '@fastify/cookie'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { KIOSK_ID } from '../../../electron/shared/register-protocol'
import { UUID } from '../../../electron/shared/signature'
import { readAdminStats } from '../admin/admin-stats'
import { readFleet } from '../admin/fleet'
import { adminGuard, SESSION_COOKIE, sessionOf } from '../admin/guard'
import { login, logout } from '../admin/sessions'
import {
  decodeCursor,
  searchSignatures,
  signatureDetails,
  signaturePageQuerySchema,
} from '../admin/signature-search'
import { withdrawAtCentre } from '../admin/withdraw'
import { Readable } from 'node:stream'
import {
  buildManifest,
  csvChunks,
  EMPTY_AUDIT,
  jsonChunks,
  MixedEventsError,
} from '../admin/export-stream'
import type { ExportManifest } from '../../../electron/services/export/manifest'
import { signatureFilterSchema } from '../admin/signature-search'
import type { Db } from '../db/db'
import { certificatePdfRoutes, type RegisterCertificateSettings } from './certificates-pdf'
import { exportJobRoutes } from './export-jobs'
import type { ExportJobs } from '../admin/export-jobs'
import { createToken, revokeTokens } from '../tokens'

const loginSchema = z.object({
  name: z.string().min(1).max(63),
  password: z.string().min(1).max(200),
})

function problems(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`)
    .join('; ')
}

/**
 * `/v1/admin/*`: the organisers' API. Every route says who may call it (`config.access`); the
 * guard decides, in one place, before the handler runs.
 */
export const adminRoutes: FastifyPluginAsync<{
  db: Db
  version: string
  certificates: RegisterCertificateSettings
  exports: ExportJobs
}> = async (app, { db, version, certificates, exports }) => {
  await app.register(cookie)
  app.addHook('onRequest', adminGuard(db))
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  app.post(
    '/v1/admin/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: 30, timeWindow: 60_000 },
      },
    },
    async (request, reply) => {
      const parsed = loginSchema.safeParse(request.body)
      if (!parsed.success)
        return reply.code(400).send({ error: `Malformed login: ${problems(parsed.error)}` })
      const outcome = await login(db, parsed.data.name, parsed.data.password)
      if (outcome.kind === 'locked') {
        return reply.code(429).send({
          error: `Too many failed logins: this account is locked until ${outcome.until.toISOString()}.`,
        })
      }
      if (outcome.kind === 'refused') {
        return reply.code(401).send({ error: 'Wrong name or password.' })
      }
      const { name, role, csrfToken } = outcome.session
      return reply
        .setCookie(SESSION_COOKIE, outcome.cookie, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: request.protocol === 'https',
          expires: outcome.expiresAt,
        })
        .send({ name, role, csrfToken, exportsEncrypted: exports.encrypts })
    },
  )

  app.get('/v1/admin/session', { config: { access: 'organiser' } }, async (request) => {
    const { name, role, csrfToken } = sessionOf(request)
    return { name, role, csrfToken, exportsEncrypted: exports.encrypts }
  })

  app.post('/v1/admin/logout', { config: { access: 'organiser' } }, async (request, reply) => {
    const value = request.cookies[SESSION_COOKIE]
    if (value) await logout(db, value)
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send()
  })

  app.get('/v1/admin/kiosks', { config: { access: 'organiser' } }, async () => ({
    kiosks: await readFleet(db),
  }))

  app.post<{ Params: { kioskId: string } }>(
    '/v1/admin/kiosks/:kioskId/tokens',
    { config: { access: 'admin' } },
    async (request, reply) => {
      const { kioskId } = request.params
      if (!KIOSK_ID.test(kioskId)) {
        return reply.code(400).send({ error: 'Kiosk id: 1–8 capital letters or digits, e.g. B03.' })
      }
      return reply.code(201).send({ kioskId, token: await createToken(db, kioskId) })
    },
  )

  app.delete<{ Params: { kioskId: string } }>(
    '/v1/admin/kiosks/:kioskId/tokens',
    { config: { access: 'admin' } },
    async (request, reply) => {
      const { kioskId } = request.params
      if (!KIOSK_ID.test(kioskId)) {
        return reply.code(400).send({ error: 'Kiosk id: 1–8 capital letters or digits, e.g. B03.' })
      }
      return reply.send({ kioskId, revoked: await revokeTokens(db, kioskId) })
    },
  )

  app.get('/v1/admin/signatures', { config: { access: 'organiser' } }, async (request, reply) => {
    const parsed = signaturePageQuerySchema.safeParse(request.query)
    if (!parsed.success)
      return reply.code(400).send({ error: `Bad search: ${problems(parsed.error)}` })
    const { after, limit, ...filter } = parsed.data
    const cursor = after === undefined ? null : decodeCursor(after)
    if (after !== undefined && !cursor) {
      return reply
        .code(400)
        .send({ error: 'Bad search: "after" is not a cursor this register gave.' })
    }
    const page = await searchSignatures(db, filter, limit, cursor)
    return { signatures: page.rows, next: page.next }
  })

  app.get<{ Params: { id: string } }>(
    '/v1/admin/signatures/:id',
    { config: { access: 'organiser' } },
    async (request, reply) =>
      bySignatureId(request.params.id, reply, (id) => signatureDetails(db, id)),
  )

  app.post<{ Params: { id: string } }>(
    '/v1/admin/signatures/:id/withdraw',
    { config: { access: 'admin' } },
    async (request, reply) =>
      bySignatureId(request.params.id, reply, (id) => withdrawAtCentre(db, id)),
  )

  // A child plugin: the guard's hook applies to it as to every route here.
  await app.register(certificatePdfRoutes, { db, settings: certificates, jobs: exports })
  await app.register(exportJobRoutes, { jobs: exports })

  // A register that encrypts its exports lets signatures out only through a prepared export.
  const refusedWhenEncrypting = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (exports.encrypts) {
      return reply.code(409).send({
        error:
          "This register encrypts its exports to the organisers' key: prepare one with POST /v1/admin/exports (the console's Prepare export).",
      })
    }
  }

  app.get('/v1/admin/stats', { config: { access: 'organiser' } }, async () => readAdminStats(db))

  // Export: the files of a batch, each streamed from keyset pages (never all rows at once). Saved
  // in one folder with manifest.json (a day batch's for one kiosk and day, else a union's listing
  // its kiosks and days), `npm run cli -- verify` checks them.
  const exportFile = (name: string, type: string, chunks: typeof csvChunks) =>
    app.get(
      `/v1/admin/export/${name}`,
      { config: { access: 'organiser' }, preHandler: refusedWhenEncrypting },
      async (request, reply) => {
        const parsed = signatureFilterSchema.safeParse(request.query)
        if (!parsed.success)
          return reply.code(400).send({ error: `Bad export: ${problems(parsed.error)}` })
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(Readable.from(chunks(db, parsed.data)))
      },
    )
  exportFile('signatures.csv', 'text/csv; charset=utf-8', csvChunks)
  exportFile('signatures.json', 'application/json; charset=utf-8', jsonChunks)

  app.get(
    '/v1/admin/export/audit.json',
    { config: { access: 'organiser' } },
    async (_request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.json"')
        .send(EMPTY_AUDIT),
  )

  app.get(
    '/v1/admin/export/manifest.json',
    { config: { access: 'organiser' }, preHandler: refusedWhenEncrypting },
    async (request, reply) => {
      const parsed = signatureFilterSchema.safeParse(request.query)
      if (!parsed.success)
        return reply.code(400).send({ error: `Bad export: ${problems(parsed.error)}` })
      let manifest: ExportManifest | null
      try {
        manifest = await buildManifest(db, parsed.data, version)
      } catch (error) {
        if (error instanceof MixedEventsError) return reply.code(409).send({ error: error.message })
        throw error
      }
      if (!manifest) return reply.code(404).send({ error: 'No signatures match this filter.' })
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="manifest.json"')
        .send(`${JSON.stringify(manifest, null, 2)}\n`)
    },
  )
}

/** A route on one signature: 400 for an id that is no UUID, 404 when the register has none. */
async function bySignatureId<T>(
  id: string,
  reply: FastifyReply,
  answer: (id: string) => Promise<T | null>,
): Promise<T | FastifyReply> {
  if (!UUID.test(id))
    return reply.code(400).send({ error: 'Signature id must be a lowercase UUID.' })
  const result = await answer(id)
  return result ?? reply.code(404).send({ error: `No signature ${id}.` })
}
