/**
 * Thrown inside a transaction to have it rolled back and run again, for races the database
 * resolves by the time of the next attempt. Carries serialization_failure's SQLSTATE so the one
 * retry rule (db.ts, isRetryable) covers it.
 */
export class RetryTransaction extends Error {
  readonly code = '40001'
  constructor(message: string) {
    super(message)
    this.name = 'RetryTransaction'
  }
}
