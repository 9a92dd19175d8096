import { PGlite, type Transaction } from '@electric-sql/pglite'
import type { Db, Queryable, SqlParam } from './db'

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, storing its files in `dir`.
 * Omit `dir` for an in-memory database (tests).
 */
export async function openPglite(dir?: string): Promise<Db> {
  const pg = await PGlite.create(dir ? { dataDir: dir } : {})
  // PGlite is one connection. Every use goes through this queue, so a transaction never sees
  // another request's statements between its own.
  let tail: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn)
    tail = run.catch(() => undefined)
    return run
  }
  const on = (target: PGlite | Transaction): Queryable => ({
    async query<Row>(sql: string, params: readonly SqlParam[] = []) {
      return (await target.query<Row>(sql, [...params])).rows
    },
    async exec(sql: string) {
      await target.exec(sql)
    },
  })
  const direct = on(pg)
  return {
    kind: 'embedded',
    query: (sql, params) => serial(() => direct.query(sql, params)),
    exec: (sql) => serial(() => direct.exec(sql)),
    transaction: (fn) => serial(() => pg.transaction((tx) => fn(on(tx)))),
    close: () => serial(() => pg.close()),
  }
}
