/**
 * The keys of the staff dashboard's counters (`dashboardCounts` in the kiosk's IndexedDB) that
 * one signature adds to. Shared so that tests which write IndexedDB directly keep them too.
 */
import type { SignatureRecord } from './signature'

/** What the counters look at in a stored signature. */
export type Counted = Pick<
  SignatureRecord,
  'capacity' | 'organisationType' | 'country' | 'createdAt'
> & {
  syncState: string
}

/**
 * Signatures are counted per UTC quarter hour: every time zone's offset is a multiple of 15
 * minutes, so the dashboard can fold them into the hours of any zone.
 */
export function quarterKey(iso: string): string {
  const minute = Number(iso.slice(14, 16))
  const quarter = String(Math.floor(minute / 15) * 15).padStart(2, '0')
  return `at:${iso.slice(0, 13)}:${quarter}`
}

/** The counter keys one signature adds to. */
export function countKeys(record: Counted): string[] {
  const keys = [
    'total',
    `state:${record.syncState}`,
    `capacity:${record.capacity}`,
    `country:${record.country}`,
    quarterKey(record.createdAt),
  ]
  if (record.organisationType) keys.push(`type:${record.organisationType}`)
  return keys
}

/** Counts of these signatures from scratch (the upgrade's first fill, and the tests' truth). */
export function recount(records: Iterable<Counted>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const record of records) countInto(counts, record)
  return counts
}

/** Adds one signature to counts made from scratch. */
export function countInto(counts: Map<string, number>, record: Counted): void {
  for (const key of countKeys(record)) counts.set(key, (counts.get(key) ?? 0) + 1)
}
