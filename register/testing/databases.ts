/**
 * Runs a vitest suite once per storage the register supports: the embedded PGlite and a real
 * PostgreSQL server. One database per file (PGlite's first start costs seconds), emptied before
 * each test. Where PostgreSQL is not installed its suite is skipped with the reason printed,
 * never passed.
 */
import { afterAll, beforeAll, beforeEach, describe } from 'vitest'
import type { Db } from '../src/db/db'
import { migrate } from '../src/db/migrate'
import { openPglite } from '../src/db/pglite'
import { openPostgres } from '../src/db/postgres'
import { findPostgres, startPostgresServer, type PostgresServer } from './postgres-server'

export interface DatabaseContext {
  /** The storage's name, for messages. */
  readonly name: 'PGlite' | 'PostgreSQL'
  /** The open, migrated, emptied database of the current test. */
  db(): Db
  /**
   * Resolves once another transaction is waiting on a lock held by a paused one. PGlite queues
   * whole transactions instead of locking rows, so there it resolves at once.
   */
  waitForBlockedTransaction(): Promise<void>
}

export function describeEachDatabase(title: string, body: (ctx: DatabaseContext) => void): void {
  describe(`${title} (PGlite)`, () => {
    const ctx = useDatabase('PGlite', async () => ({
      db: await openPglite(),
      stop: async () => {},
    }))
    body(ctx)
  })
  const postgres = findPostgres()
  if (!postgres.available) {
    console.warn(`SKIPPED "${title}" on PostgreSQL: ${postgres.reason}`)
    describe.skip(`${title} (PostgreSQL) — skipped: ${postgres.reason}`, () => {
      body(useDatabase('PostgreSQL', () => Promise.reject(new Error(postgres.reason))))
    })
    return
  }
  describe(`${title} (PostgreSQL)`, () => {
    const ctx = useDatabase('PostgreSQL', async () => {
      const server: PostgresServer = await startPostgresServer()
      try {
        const db = await openPostgres(server.url)
        return {
          db,
          stop: async () => {
            await db.close()
            await server.stop()
          },
        }
      } catch (error) {
        await server.stop()
        throw error
      }
    })
    body(ctx)
  })
}

function useDatabase(
  name: DatabaseContext['name'],
  open: () => Promise<{ db: Db; stop: () => Promise<void> }>,
): DatabaseContext {
  let current: { db: Db; stop: () => Promise<void> } | undefined
  beforeAll(async () => {
    current = await open()
    await migrate(current.db)
  }, 60_000)
  beforeEach(async () => {
    await current?.db
      .exec(`TRUNCATE duplicate_certificates, signatures, batches, kiosk_tokens, organiser_sessions, organisers, kiosk_heartbeats
         RESTART IDENTITY CASCADE`)
  })
  afterAll(async () => {
    await current?.stop()
  })
  return {
    name,
    db() {
      if (!current) throw new Error(`${name} is not open`)
      return current.db
    },
    async waitForBlockedTransaction() {
      if (name === 'PGlite' || !current) return
      for (let i = 0; i < 500; i++) {
        const [row] = await current.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
        )
        if ((row?.n ?? 0) > 0) return
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      throw new Error('no transaction started waiting on a lock within 5 s')
    },
  }
}
