import pg from 'pg'
import type { Db, Queryable, SqlParam } from './db'

/** A PostgreSQL server, reached through a small pool of connections. */
export async function openPostgres(connectionString: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: poolSize })
  // An idle connection dropped by the server must not crash the process; the next query
  // opens a fresh one.
  pool.on('error', () => undefined)
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly SqlParam[] = []) {
      return (await client.query(sql, [...params])).rows as Row[]
    },
    async exec(sql: string) {
      await client.query(sql)
    },
  })
  // Fail at start, not at the first request, when the URL is wrong.
  await pool.query('SELECT 1')
  const direct = on(pool)
  return {
    kind: 'postgres',
    query: direct.query,
    exec: direct.exec,
    async transaction(fn) {
      const client = await pool.connect()
      let broken = false
      try {
        await client.query('BEGIN')
        const result = await fn(on(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch {
          broken = true
        }
        throw error
      } finally {
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}
