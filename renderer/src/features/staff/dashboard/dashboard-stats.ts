import { ORGANISATION_TYPES, type OrganisationType } from '@shared/signature'
import { dayInZone } from '@shared/time'
import type { KioskDB } from '../../../db/schema'

export interface DashboardStats {
  today: number
  total: number
  byCapacity: { individual: number; organisation: number }
  byType: { type: OrganisationType; count: number }[]
  byCountry: { country: string; count: number }[]
  /** 24 counts: signatures today per hour of the day, in the event's time zone. */
  perHour: number[]
}

const DAY_MS = 86_400_000

/**
 * Counts for the dashboard from the `dashboardCounts` table (kept by every write of the
 * signatures): a few dozen rows, however many signatures there are.
 */
export async function dashboardStats(
  db: KioskDB,
  timeZone: string,
  now = new Date(),
): Promise<DashboardStats> {
  const today = dayInZone(now, timeZone)
  // Today in any zone lies within the UTC days before, of and after it.
  const from = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10)
  const to = new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10)
  const [figures, quarters] = await db.transaction('r', db.dashboardCounts, () =>
    Promise.all([
      db.dashboardCounts.where('key').aboveOrEqual('b').toArray(),
      db.dashboardCounts.where('key').between(`at:${from}`, `at:${to}\uffff`).toArray(),
    ]),
  )
  const count = new Map(figures.map((row) => [row.key, row.value]))
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' })
  const perHour = Array.from({ length: 24 }, () => 0)
  let todays = 0
  for (const { key, value } of quarters) {
    const start = new Date(`${key.slice(3)}:00.000Z`)
    if (dayInZone(start, timeZone) !== today) continue
    perHour[Number(hourOf.format(start))]! += value
    todays += value
  }
  const byType = ORGANISATION_TYPES.map((type) => ({ type, count: count.get(`type:${type}`) ?? 0 }))
  const byCountry = figures.flatMap(({ key, value }) =>
    key.startsWith('country:') ? [{ country: key.slice('country:'.length), count: value }] : [],
  )
  return {
    today: todays,
    total: count.get('total') ?? 0,
    byCapacity: {
      individual: count.get('capacity:individual') ?? 0,
      organisation: count.get('capacity:organisation') ?? 0,
    },
    byType: byType.filter((t) => t.count > 0).sort((a, b) => b.count - a.count),
    byCountry: byCountry.sort((a, b) => b.count - a.count).slice(0, 10),
    perHour,
  }
}
