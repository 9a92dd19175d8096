import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import pkg from '../../package.json' with { type: 'json' }
import { MAX_BATCH_BYTES } from '../../electron/shared/register-protocol'
import type { BatchHooks } from './batches'
import { isUnavailable, type Db } from './db/db'
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth'
import { ExportJobs } from './admin/export-jobs'
import { adminRoutes } from './routes/admin'
import { batchRoutes, type RegisterFaults } from './routes/batches'
import { consoleRoutes } from './routes/console'
import type { RegisterCertificateSettings } from './routes/certificates-pdf'
import { DEFAULT_SETTINGS, type Language } from '../../electron/shared/settings'
import { heartbeatRoutes } from './routes/heartbeat'
import { liveRoutes } from './routes/live'
import { publicRoutes } from './routes/public'

export type { RegisterFaults } from './routes/batches'

/** Default per-token rate: far above what one kiosk sending one batch at a time can reach. */
export const DEFAULT_RATE_LIMIT = { max: 1200, windowMs: 60_000 }

export interface RegisterAppOptions {
  db: Db
  /** Reported by /v1/health; defaults to the package version. */
  version?: string
  /** Batches one token may send per window before it is answered 429 with Retry-After. */
  rateLimit?: { max: number; windowMs: number }
  /** A pino logger for requests and errors; silent when left out. */
  logger?: FastifyBaseLogger
  /** Failures to inject, for tests of the kiosk's retries. Never set in production. */
  faults?: RegisterFaults
  /** Test hooks into the batch transaction. */
  hooks?: BatchHooks
  /** The register's clock (records dated in its future are refused); tests pass a fixed one. */
  now?: () => Date
  /**
   * Believe X-Forwarded-* from a reverse proxy: the console's cookie is then Secure when the
   * proxy was reached over TLS. Only behind a proxy that sets them.
   */
  trustProxy?: boolean
  /** Event, city and time zone printed on certificates from the register; the kiosk's defaults. */
  certificates?: RegisterCertificateSettings
  /** How often /v1/live/stream looks for news; default 2 s. */
  livePollMs?: number
  /** The languages /live shows in turn; default the kiosk's default event languages (all 24). */
  liveLanguages?: readonly Language[]
  /**
   * Prepared exports: the private folder they are written to (default: a temporary one, removed
   * at close) and the organisers' age public key they are encrypted to (plain when null).
   */
  exports?: { dir?: string; recipient: string | null }
}

export interface RouteEntry {
  method: string
  url: string
  /** The admin guard's `config.access`, where the route declares one. */
  access?: string
}

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>()

/** Every route an app built by buildApp serves: for tests that must cover all of them. */
export function routeTable(app: FastifyInstance): readonly RouteEntry[] {
  return routeTables.get(app) ?? []
}

/**
 * The register's HTTP API (protocol v1) on a given database. Not listening yet: call
 * `listen()` for a real server, or use `inject()` in tests.
 */
export async function buildApp(options: RegisterAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: MAX_BATCH_BYTES,
    // Kiosks retry; a quick 503 while closing beats a hung connection.
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
  })
  const routes: RouteEntry[] = []
  routeTables.set(app, routes)
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: string } | undefined)?.access
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access })
  })

  // The protocol speaks JSON only; a text body is answered 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain')
  // Fastify's own parser (which also refuses __proto__ and constructor keys), after a flat scan
  // for nesting: nothing that walks a body recursively ever sees one deeper than the limit.
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      const error = new Error(`Body nested deeper than ${MAX_JSON_DEPTH} levels.`)
      done(Object.assign(error, { statusCode: 400 }), undefined)
      return
    }
    parseJson(request, text, done)
  })

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .code(413)
        .send({ error: `Batch too large: the register reads at most ${MAX_BATCH_BYTES} bytes.` })
    }
    if (status === 415) {
      const type = request.headers['content-type'] ?? 'no Content-Type'
      return reply.code(415).send({ error: `Send JSON (application/json), not ${type}.` })
    }
    if (status >= 400 && status < 500) {
      const prefix = error instanceof SyntaxError ? 'Malformed JSON: ' : ''
      return reply.code(status).send({ error: `${prefix}${error.message}` })
    }
    if (isUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable')
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ error: 'The register database is unavailable; retry later.' })
    }
    request.log.error({ err: error }, 'request failed')
    return reply.code(500).send({ error: 'Internal error in the register; retry later.' })
  })
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `Not found: ${request.method} ${request.url}` }),
  )
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff')
  })

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many batches from this kiosk: retry in ${context.after}.`), {
        statusCode: context.statusCode,
      }),
  })
  await app.register(publicRoutes, { db: options.db, version: options.version ?? pkg.version })
  await app.register(batchRoutes, {
    db: options.db,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    faults: options.faults ?? {},
    hooks: options.hooks ?? {},
    now: options.now ?? (() => new Date()),
  })
  await app.register(heartbeatRoutes, { db: options.db })
  await app.register(liveRoutes, {
    db: options.db,
    pollMs: options.livePollMs ?? 2_000,
    languages: options.liveLanguages ?? DEFAULT_SETTINGS.languages,
  })
  await app.register(consoleRoutes)
  const exportDir = options.exports?.dir ?? (await mkdtemp(join(tmpdir(), 'register-exports-')))
  const exports = new ExportJobs(options.db, exportDir, {
    appVersion: options.version ?? pkg.version,
    recipient: options.exports?.recipient ?? null,
  })
  await exports.init()
  app.addHook('onClose', async () => {
    await exports.close()
    if (!options.exports?.dir) await rm(exportDir, { recursive: true, force: true })
  })
  await app.register(adminRoutes, {
    db: options.db,
    exports,
    version: options.version ?? pkg.version,
    certificates: options.certificates ?? {
      eventName: DEFAULT_SETTINGS.eventName,
      eventCity: DEFAULT_SETTINGS.eventCity,
      timeZone: DEFAULT_SETTINGS.timeZone,
    },
  })
  return app
}
