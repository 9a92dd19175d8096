import type { Queryable } from '../db/db'
import { readStats } from '../stats'

export interface AdminStats {
  total: number
  withdrawn: number
  byKind: Record<string, number>
  byCountry: Record<string, number>
  /** Signing day (the kiosk's local day) → count, in day order. */
  byDay: Record<string, number>
  /** Hour of signing, 00–23 UTC → count, every hour listed. */
  byHour: Record<string, number>
}

/** The public counts plus the console's by day and by hour. */
export async function readAdminStats(db: Queryable): Promise<AdminStats> {
  const base = await readStats(db)
  const days = await db.query<{ day: string; n: number }>(
    `SELECT record ->> 'day' AS day, count(*)::int AS n FROM signatures
      WHERE withdrawn_at IS NULL GROUP BY 1 ORDER BY 1`,
  )
  const hours = await db.query<{ hour: number; n: number }>(
    `SELECT extract(hour FROM (record ->> 'createdAt')::timestamptz AT TIME ZONE 'UTC')::int AS hour,
            count(*)::int AS n
       FROM signatures WHERE withdrawn_at IS NULL GROUP BY 1`,
  )
  const byHour: Record<string, number> = {}
  for (let h = 0; h < 24; h++) byHour[String(h).padStart(2, '0')] = 0
  for (const { hour, n } of hours) byHour[String(hour).padStart(2, '0')] = n
  return {
    ...base,
    byDay: Object.fromEntries(days.map(({ day, n }) => [day, n])),
    byHour,
  }
}
