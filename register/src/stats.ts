import { SIGNATORY_KINDS, type Stats } from '../../electron/shared/register-protocol'
import type { Queryable } from './db/db'

/** Counts of registered signatures by signatory kind and by country; withdrawn ones apart. */
export async function readStats(db: Queryable): Promise<Stats> {
  const kinds = await db.query<{ kind: string; n: number }>(
    `SELECT CASE WHEN capacity = 'individual' THEN 'individual'
                 ELSE COALESCE(organisation_type, 'other') END AS kind,
            count(*)::int AS n
       FROM signatures WHERE withdrawn_at IS NULL
      GROUP BY 1 ORDER BY 1`,
  )
  const countries = await db.query<{ country: string; n: number }>(
    `SELECT country, count(*)::int AS n
       FROM signatures WHERE withdrawn_at IS NULL
      GROUP BY country ORDER BY n DESC, country`,
  )
  const [withdrawn] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM signatures WHERE withdrawn_at IS NOT NULL',
  )
  // Every kind is listed, with 0 where none signed yet, so a dashboard's layout does not jump.
  const byKind: Record<string, number> = Object.fromEntries(SIGNATORY_KINDS.map((k) => [k, 0]))
  for (const { kind, n } of kinds) byKind[kind] = n
  return {
    total: kinds.reduce((sum, { n }) => sum + n, 0),
    withdrawn: withdrawn?.n ?? 0,
    byKind,
    byCountry: Object.fromEntries(countries.map(({ country, n }) => [country, n])),
  }
}
