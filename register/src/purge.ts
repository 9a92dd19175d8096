import type { Queryable } from './db/db'
import { openStorage, type StorageOptions } from './db/open'

/** The record fields the retention purge removes: everything that names or depicts a person. */
export const PERSONAL_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'city',
  'role',
  'organisationName',
  'signature',
] as const

const DAY_MS = 86_400_000

export interface PurgeOutcome {
  /** Signatures whose personal data this run removed. */
  purged: number
  /** Signatures registered before this instant lost their personal data (this run or earlier). */
  cutoff: string
}

/**
 * Removes the personal data of every signature registered more than `olderThanDays` days before
 * `now`: the record keeps its id, certificate number, kiosk, dates, language, capacity,
 * organisation type, country and consents (statistics and the certificate page go on working);
 * the duplicate keys go too, as they are derived from email and name. Tombstones are already
 * empty and stay. Running it again changes nothing.
 */
export async function purgePersonalData(
  db: Queryable,
  olderThanDays: number,
  now: Date = new Date(),
): Promise<PurgeOutcome> {
  if (!Number.isInteger(olderThanDays) || olderThanDays < 0) {
    throw new RangeError(`olderThanDays must be a whole number ≥ 0, not ${olderThanDays}`)
  }
  const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS).toISOString()
  const rows = await db.query<{ id: string }>(
    `UPDATE signatures
        SET record = record - $2::text[], email_key = NULL, org_key = NULL, purged_at = $3
      WHERE received_at < $1 AND purged_at IS NULL AND withdrawn_at IS NULL
      RETURNING id::text AS id`,
    [cutoff, `{${PERSONAL_FIELDS.join(',')}}`, now.toISOString()],
  )
  return { purged: rows.length, cutoff }
}

/** `purgePersonalData` on the register's storage (the command line's `purge`). */
export async function purgePersonalDataIn(
  storage: StorageOptions,
  olderThanDays: number,
): Promise<PurgeOutcome> {
  const db = await openStorage(storage)
  try {
    return await purgePersonalData(db, olderThanDays)
  } finally {
    await db.close()
  }
}
