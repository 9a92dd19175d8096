import type { FastifyBaseLogger } from 'fastify'
import { buildApp, type RegisterAppOptions } from './app'
import { openStorage, type StorageOptions } from './db/open'
import { purgePersonalData } from './purge'

/** How often a register with a retention period purges (and once at start). */
const PURGE_EVERY_MS = 60 * 60_000

export interface ServerOptions extends StorageOptions {
  /** 0 picks a free port; the chosen one is in the returned url. */
  port: number
  /** 127.0.0.1 unless told otherwise (deployments put TLS in front of it). */
  host?: string
  rateLimit?: RegisterAppOptions['rateLimit']
  faults?: RegisterAppOptions['faults']
  logger?: FastifyBaseLogger
  /** Purge personal data of signatures registered more than this many days ago; off when left out. */
  retentionDays?: number
  trustProxy?: boolean
  certificates?: RegisterAppOptions['certificates']
  exports?: RegisterAppOptions['exports']
  liveLanguages?: RegisterAppOptions['liveLanguages']
}

export interface RunningRegister {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string
  port: number
  /** Stops accepting, finishes the requests under way, closes the database. */
  close(): Promise<void>
}

/** Opens storage, then serves the register API until closed. */
export async function startServer(options: ServerOptions): Promise<RunningRegister> {
  const db = await openStorage(options)
  try {
    const app = await buildApp({
      db,
      rateLimit: options.rateLimit,
      faults: options.faults,
      logger: options.logger,
      trustProxy: options.trustProxy,
      certificates: options.certificates,
      exports: options.exports,
      liveLanguages: options.liveLanguages,
    })
    const host = options.host ?? '127.0.0.1'
    await app.listen({ port: options.port, host })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : options.port
    const shownHost = host.includes(':') ? `[${host}]` : host
    const { retentionDays } = options
    let purging: Promise<void> = Promise.resolve()
    const purge = () => {
      if (retentionDays === undefined) return
      purging = purging
        .then(() => purgePersonalData(db, retentionDays))
        .then(({ purged }) => {
          if (purged > 0) app.log.info({ purged, retentionDays }, 'purged personal data')
        })
        .catch((error: unknown) => app.log.error({ err: error }, 'retention purge failed'))
    }
    purge()
    const timer = retentionDays === undefined ? undefined : setInterval(purge, PURGE_EVERY_MS)
    timer?.unref()
    return {
      url: `http://${shownHost}:${port}`,
      port,
      async close() {
        clearInterval(timer)
        await app.close()
        await purging
        await db.close()
      },
    }
  } catch (error) {
    await db.close()
    throw error
  }
}
