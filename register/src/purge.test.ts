import { expect, it } from 'vitest'
import { describeEachDatabase } from '../testing/databases'
import { organisationRecord, sampleBatch, sampleRecord } from '../testing/batches-fixtures'
import { verifyJson, useApps } from '../testing/inject'
import { submitBatch } from './batches'
import type { Db } from './db/db'
import { PERSONAL_FIELDS, purgePersonalData } from './purge'
import { readStats } from './stats'

const NOW = new Date('2026-12-01T12:00:00.000Z')
const apps = useApps()

async function registeredDaysAgo(db: Db, certificateNo: string, days: number) {
  await db.query(`UPDATE signatures SET received_at = $2 WHERE certificate_no = $1`, [
    certificateNo,
    new Date(NOW.getTime() - days * 86_400_000).toISOString(),
  ])
}

describeEachDatabase('retention purge', (ctx) => {
  it('removes the personal data of signatures older than N days, keeping numbers, stats and tombstones', async () => {
    const db = ctx.db()
    const old = sampleRecord(1)
    const oldOrg = organisationRecord(2, 'Miasto Gdańsk')
    const fresh = sampleRecord(3)
    const gone = sampleRecord(4)
    await submitBatch(
      db,
      sampleBatch([old, oldOrg, fresh, gone], {
        withdrawals: [
          { id: gone.id, certificateNo: gone.certificateNo, withdrawnAt: gone.createdAt },
        ],
      }),
    )
    for (const record of [old, oldOrg, gone]) await registeredDaysAgo(db, record.certificateNo, 31)
    await registeredDaysAgo(db, fresh.certificateNo, 29)
    const statsBefore = await readStats(db)

    const first = await purgePersonalData(db, 30, NOW)
    const again = await purgePersonalData(db, 30, NOW)

    expect(first).toEqual({ purged: 2, cutoff: '2026-11-01T12:00:00.000Z' })
    expect(again.purged).toBe(0)
    expect(await readStats(db)).toEqual(statsBefore)
    const rows = await db.query<{ certificate_no: string; record: Record<string, unknown> | null }>(
      `SELECT certificate_no, record FROM signatures ORDER BY certificate_no`,
    )
    const [oldRow, oldOrgRow, freshRow, goneRow] = rows
    for (const row of [oldRow, oldOrgRow]) {
      for (const field of PERSONAL_FIELDS) expect(row?.record).not.toHaveProperty(field)
      expect(row?.record).toMatchObject({ certificateNo: row?.certificate_no, country: 'PL' })
    }
    expect(oldOrgRow?.record).toMatchObject({ capacity: 'organisation', organisationType: 'city' })
    expect(freshRow?.record).toMatchObject({ firstName: 'Łukasz', email: fresh.email })
    expect(goneRow?.record).toBeNull()
    const app = await apps.open(db)
    try {
      expect(await verifyJson(app, old.certificateNo)).toEqual({
        certificateNo: old.certificateNo,
        status: 'valid',
        eventCode: 'EWRC26',
        signedOn: old.day,
        capacity: 'individual',
        organisationType: null,
        country: 'PL',
      })
    } finally {
      await apps.closeAll()
    }
  })

  it('refuses a negative or fractional number of days, changing nothing', async () => {
    await submitBatch(ctx.db(), sampleBatch([sampleRecord(1)]))

    await expect(purgePersonalData(ctx.db(), -1, NOW)).rejects.toThrow(/whole number/)
    await expect(purgePersonalData(ctx.db(), 1.5, NOW)).rejects.toThrow(/whole number/)
    const [row] = await ctx
      .db()
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM signatures WHERE purged_at IS NULL`)
    expect(row?.n).toBe(1)
  })

  it('lets the database refuse a purged row that still holds personal data', async () => {
    await submitBatch(ctx.db(), sampleBatch([sampleRecord(1)]))

    const marked = ctx
      .db()
      .query(`UPDATE signatures SET purged_at = now()`)
      .then(
        () => 'updated',
        () => 'refused',
      )

    expect(await marked).toBe('refused')
  })
})
