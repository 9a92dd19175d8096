import { afterEach, expect, it } from 'vitest'
import { describeEachDatabase } from '../testing/databases'
import { kioskRecord, sampleBatch, sampleRecord } from '../testing/batches-fixtures'
import { postBatch, rowCounts, sendBatch, useApps, verifyJson } from '../testing/inject'
import { sqlState } from './db/db'
import { createToken } from './tokens'

const apps = useApps()
afterEach(() => apps.closeAll())

const NEW_ID = '0190f0a0-0000-7000-8000-00000000dead'

describeEachDatabase('a kiosk token speaks only for its own kiosk', (ctx) => {
  async function twoKiosks() {
    const b01 = await createToken(ctx.db(), 'B01')
    const b02 = await createToken(ctx.db(), 'B02')
    return { b01, b02, app: await apps.open(ctx.db()) }
  }

  it('answers 403 to a batch of another kiosk, writing nothing', async () => {
    const { b02, app } = await twoKiosks()

    const res = await postBatch(app, sampleBatch([sampleRecord(1)], { kioskId: 'B01' }), b02)

    expect(res.statusCode).toBe(403)
    expect(await rowCounts(ctx.db())).toEqual({ signatures: 0, batches: 0 })
  })

  it("refuses records of another kiosk's numbers, takes their neighbours and then the real signatory", async () => {
    const { b01, b02, app } = await twoKiosks()
    const real = sampleRecord(1)
    const forged = sampleRecord(1, { firstName: 'Forger', email: 'forger@example.eu' })
    const mixedNumber = sampleRecord(2, { certificateNo: 'EWRC26-B02-000002' })
    const own = kioskRecord('B02', 1)

    const forgery = await sendBatch(
      app,
      sampleBatch([forged, mixedNumber, own], { kioskId: 'B02' }),
      b02,
    )
    const genuine = await sendBatch(app, sampleBatch([real]), b01)

    expect(forgery.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'accepted'])
    expect(forgery.results[0]?.reason).toMatch(/kiosk B01.*token of kiosk B02/)
    expect(forgery.results[1]?.reason).toMatch(/certificateNo/)
    expect(genuine.results).toEqual([{ id: real.id, status: 'accepted' }])
    expect(await verifyJson(app, real.certificateNo)).toMatchObject({
      status: 'valid',
      name: 'Łukasz Nowak-1',
    })
    expect(await verifyJson(app, own.certificateNo)).toMatchObject({ status: 'valid' })
  })

  it('refuses foreign withdrawals and planted tombstones, erasing nothing', async () => {
    const { b01, b02, app } = await twoKiosks()
    const [first, second, later] = [sampleRecord(1), sampleRecord(2), sampleRecord(3)]
    await sendBatch(app, sampleBatch([first, second]), b01)
    const at = '2026-10-13T12:00:00.000Z'

    const attack = await sendBatch(
      app,
      sampleBatch([], {
        kioskId: 'B02',
        withdrawals: [
          { id: first.id, certificateNo: first.certificateNo, withdrawnAt: at },
          { id: later.id, certificateNo: later.certificateNo, withdrawnAt: at },
          { id: NEW_ID, certificateNo: 'EWRC26-B01-000099', withdrawnAt: at },
          { id: NEW_ID, certificateNo: 'EWRC26-B02-000099', withdrawnAt: at },
        ],
      }),
      b02,
    )
    const own = await sendBatch(
      app,
      sampleBatch([later], {
        withdrawals: [{ id: second.id, certificateNo: second.certificateNo, withdrawnAt: at }],
      }),
      b01,
    )

    expect(attack.withdrawals.map((w) => w.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'withdrawn',
    ])
    expect(attack.withdrawals[0]?.reason).toMatch(/not one of kiosk B02's/)
    expect(own.results).toEqual([{ id: later.id, status: 'accepted' }])
    expect(own.withdrawals).toEqual([{ id: second.id, status: 'withdrawn' }])
    expect(await verifyJson(app, first.certificateNo)).toMatchObject({
      status: 'valid',
      name: 'Łukasz Nowak-1',
    })
    expect(await verifyJson(app, later.certificateNo)).toMatchObject({ status: 'valid' })
    expect(await verifyJson(app, second.certificateNo)).toMatchObject({ status: 'withdrawn' })
    expect(await verifyJson(app, 'EWRC26-B01-000099')).toMatchObject({ status: 'unknown' })
    expect(await verifyJson(app, 'EWRC26-B02-000099')).toMatchObject({ status: 'withdrawn' })
  })

  it('keeps the owning kiosk on every row and refuses, in the database itself, a row of another', async () => {
    const { b01, app } = await twoKiosks()
    await sendBatch(
      app,
      sampleBatch([sampleRecord(1)], {
        withdrawals: [
          {
            id: NEW_ID,
            certificateNo: 'EWRC26-B01-000050',
            withdrawnAt: sampleRecord(1).createdAt,
          },
        ],
      }),
      b01,
    )
    const rows = await ctx.db().query<{ kiosk_id: string }>('SELECT kiosk_id FROM signatures')
    expect(rows.map((r) => r.kiosk_id)).toEqual(['B01', 'B01'])

    const forge = (kiosk: string, certificateNo: string, kioskInRecord: string) =>
      ctx
        .db()
        .query(
          `INSERT INTO signatures (id, certificate_no, kiosk_id, batch_id, capacity, country, record)
           SELECT '0190f0a0-0000-7000-8000-0000000f0f0f', $2, $1, batch_id, 'individual', 'PL',
                  jsonb_build_object('kioskId', $3::text)
             FROM batches LIMIT 1`,
          [kiosk, certificateNo, kioskInRecord],
        )
        .then(
          () => 'inserted',
          (error: unknown) => sqlState(error),
        )
    expect(await forge('B02', 'EWRC26-B01-000077', 'B02')).toBe('23514')
    expect(await forge('B01', 'EWRC26-B01-000077', 'B02')).toBe('23514')
    expect(await forge('B01', 'EWRC26-B01-000077', 'B01')).toBe('inserted')
  })
})
