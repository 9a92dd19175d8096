/**
 * The register's only view of its database. PGlite and PostgreSQL both sit behind it, so every
 * query in the register is written once, in PostgreSQL's SQL.
 */

/** A value the register binds to a query placeholder ($1, $2 …). */
export type SqlParam = string | number | boolean | null

/** Runs SQL inside or outside a transaction. */
export interface Queryable {
  /** One statement with bound parameters. */
  query<Row>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Db extends Queryable {
  /** `embedded` (PGlite) or `postgres`: for logs and test names only, never for SQL dialects. */
  readonly kind: 'embedded' | 'postgres'
  /**
   * Runs fn in one READ COMMITTED transaction: committed when fn resolves, rolled back when it
   * throws. Use only `tx` inside fn: the outer Db may be waiting for this very transaction.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** The SQLSTATE of a database error, when there is one (both drivers expose `code`). */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  const code = (error as { code: unknown }).code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

/** Errors after which running the same transaction again is the right answer. */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error)
  // unique_violation (a racing insert the ON CONFLICT clauses did not cover), serialization
  // failure, deadlock: the transaction rolled back whole, and a second run sees the winner.
  return state === '23505' || state === '40001' || state === '40P01'
}

/** Errors that mean "the database is not there right now", answered 503 rather than 500. */
export function isUnavailable(error: unknown): boolean {
  const state = sqlState(error)
  if (state)
    return state.startsWith('08') || state === '57P01' || state === '57P03' || state === '53300'
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? (error as { code: unknown }).code
      : undefined
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT'
}

/** Runs a transaction again (a few times) when it lost a race the database detected. */
export async function withRetries<T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn)
    } catch (error) {
      if (attempt >= 4 || !isRetryable(error)) throw error
    }
  }
}
