import type { Queryable } from '../db/db'
import { readStats } from '../stats'

/** What the big screen shows: totals, by country, and the latest names published with consent. */
export interface LiveSnapshot {
  total: number
  byCountry: Record<string, number>
  latest: { name: string; organisationName: string | null; country: string }[]
}

const LATEST = 12

export async function readLiveSnapshot(db: Queryable): Promise<LiveSnapshot> {
  const { total, byCountry } = await readStats(db)
  // Only signatories who consented to publication; nobody else's name leaves the register here.
  const rows = await db.query<{
    first_name: string
    last_name: string
    organisation_name: string | null
    country: string
  }>(
    `SELECT record ->> 'firstName' AS first_name, record ->> 'lastName' AS last_name,
            record ->> 'organisationName' AS organisation_name, country
       FROM signatures
      WHERE withdrawn_at IS NULL AND (record -> 'consents' ->> 'publishName')::boolean IS TRUE
      ORDER BY received_at DESC, id DESC
      LIMIT $1`,
    [LATEST],
  )
  return {
    total,
    byCountry,
    latest: rows.map((r) => ({
      name: `${r.first_name} ${r.last_name}`,
      organisationName: r.organisation_name,
      country: r.country,
    })),
  }
}
