import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '@shared/audit'
import type { Withdrawal } from '@shared/signature'
import { dayInZone } from '@shared/time'
import type { KioskDB } from '../../../db/schema'
import { clip } from '../audit/record-audit'

const DAY_MS = 86_400_000
const EXPORTED = new Set<string>(AUDIT_ACTIONS)

/**
 * Which audit lines travel with a day batch. `export` lines stay out: writing them after an
 * export would otherwise change audit.json, and re-exporting an unchanged day must give the same
 * bytes. Saved signatures stay out too: the signatures themselves are the record of those.
 */
export function isExportedAuditAction(action: string): action is AuditAction {
  return EXPORTED.has(action) && action !== 'export'
}

/** The instants bounding an event day in any time zone (offsets stay within ±14 hours). */
function around(day: string): [string, string] {
  const midnight = Date.parse(`${day}T00:00:00Z`)
  return [new Date(midnight - DAY_MS).toISOString(), new Date(midnight + 2 * DAY_MS).toISOString()]
}

/** The day's audit log as the export format holds it, in time order. */
export async function dayAuditEntries(
  db: KioskDB,
  day: string,
  timeZone: string,
): Promise<AuditEntry[]> {
  const [from, to] = around(day)
  const rows = await db.audit.where('at').between(from, to, true, false).toArray()
  return rows.flatMap((row) =>
    isExportedAuditAction(row.action) && dayInZone(new Date(row.at), timeZone) === day
      ? [
          {
            ...(row.id ? { id: row.id } : {}),
            at: row.at,
            action: row.action,
            detail: clip(row.detail),
          },
        ]
      : [],
  )
}

/**
 * The day's withdrawals: those made on the day and those of signatures made on the day, so both
 * the day it happened and the signing day's export show it. (A tombstone from before the signing
 * day was kept only shows on the day it happened.)
 */
export async function dayWithdrawals(
  db: KioskDB,
  day: string,
  timeZone: string,
): Promise<Withdrawal[]> {
  const [from, to] = around(day)
  const [madeThatDay, signedThatDay] = await Promise.all([
    db.tombstones.where('withdrawnAt').between(from, to, true, false).toArray(),
    db.tombstones.filter((row) => row.signedDay === day).toArray(),
  ])
  const rows = new Map(
    [
      ...madeThatDay.filter((row) => dayInZone(new Date(row.withdrawnAt), timeZone) === day),
      ...signedThatDay,
    ].map((row) => [row.id, row]),
  )
  return [...rows.values()].map(({ id, certificateNo, withdrawnAt }) => ({
    id,
    certificateNo,
    withdrawnAt,
  }))
}

/** Ids of the day's live signatures. */
export function daySignatureIds(db: KioskDB, day: string): Promise<string[]> {
  return db.signatures.where('day').equals(day).primaryKeys()
}

/** Every day that has signatures, newest first, with its count (index-only: fast at 100,000). */
export async function signatureDays(db: KioskDB): Promise<{ day: string; count: number }[]> {
  const days = (await db.signatures.orderBy('day').uniqueKeys()) as string[]
  const counts = await Promise.all(
    days.map((day) => db.signatures.where('day').equals(day).count()),
  )
  return days.map((day, i) => ({ day, count: counts[i] ?? 0 })).reverse()
}
