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

/** Counts for the dashboard, from indexes (no full scan of the signatures table). */
export async function dashboardStats(
  db: KioskDB,
  timeZone: string,
  now = new Date(),
): Promise<DashboardStats> {
  const today = dayInZone(now, timeZone)
  const [total, individual, organisation, todays, countries] = await Promise.all([
    db.signatures.count(),
    db.signatures.where('capacity').equals('individual').count(),
    db.signatures.where('capacity').equals('organisation').count(),
    db.signatures.where('day').equals(today).toArray(),
    db.signatures.orderBy('country').uniqueKeys(),
  ])
  const byType = await Promise.all(
    ORGANISATION_TYPES.map(async (type) => ({
      type,
      count: await db.signatures.where('organisationType').equals(type).count(),
    })),
  )
  const byCountry = await Promise.all(
    countries.map(async (country) => ({
      country: String(country),
      count: await db.signatures.where('country').equals(country).count(),
    })),
  )
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' })
  const perHour = Array.from({ length: 24 }, () => 0)
  for (const record of todays) perHour[Number(hourOf.format(new Date(record.createdAt)))]! += 1
  return {
    today: todays.length,
    total,
    byCapacity: { individual, organisation },
    byType: byType.filter((t) => t.count > 0).sort((a, b) => b.count - a.count),
    byCountry: byCountry.sort((a, b) => b.count - a.count).slice(0, 10),
    perHour,
  }
}
