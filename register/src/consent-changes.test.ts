import { afterEach, expect, it } from 'vitest'
import type { ConsentChange } from '../../electron/shared/register-protocol'
import { describeEachDatabase } from '../testing/databases'
import { kioskRecord, sampleBatch, sampleRecord } from '../testing/batches-fixtures'
import { postBatch, sendBatch, useApps, verifyJson } from '../testing/inject'
import { createToken } from './tokens'

const apps = useApps()
afterEach(() => apps.closeAll())

const consents = { newsletter: false, publishName: true, localStory: false, localEvents: false }

function changeOf(
  record: { id: string; certificateNo: string },
  changedAt: string,
  change: Partial<typeof consents>,
): ConsentChange {
  return {
    id: record.id,
    certificateNo: record.certificateNo,
    changedAt,
    consents: { ...consents, ...change },
  }
}

describeEachDatabase('consent changes', (ctx) => {
  async function register() {
    const b01 = await createToken(ctx.db(), 'B01')
    const b02 = await createToken(ctx.db(), 'B02')
    return { b01, b02, app: await apps.open(ctx.db()) }
  }

  it('stores consents.localEvents, and takes records of kiosks that never send it', async () => {
    const { b01, app } = await register()
    const supporter = sampleRecord(1, {
      consents: { endorse: true, ...consents, localEvents: true },
    })

    const answer = await sendBatch(app, sampleBatch([supporter, sampleRecord(2)]), b01)

    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted'])
    expect(answer.consentChanges).toEqual([])
    const rows = await ctx
      .db()
      .query<{ local_events: string | null }>(
        `SELECT record -> 'consents' ->> 'localEvents' AS local_events FROM signatures ORDER BY certificate_no`,
      )
    expect(rows.map((r) => r.local_events)).toEqual(['true', null])
  })

  it('hides the name on the certificate page at once when publishName is withdrawn', async () => {
    const { b01, app } = await register()
    const record = sampleRecord(1)
    await sendBatch(app, sampleBatch([record]), b01)
    expect(await verifyJson(app, record.certificateNo)).toMatchObject({ name: 'Łukasz Nowak-1' })

    const batch = sampleBatch([], {
      consentChanges: [
        changeOf(record, '2026-10-13T11:00:00.000Z', { publishName: false, localEvents: true }),
      ],
    })
    const answer = await postBatch(app, batch, b01)
    const replay = await postBatch(app, batch, b01)

    expect(answer.json()).toMatchObject({ consentChanges: [{ id: record.id, status: 'changed' }] })
    expect(replay.body).toBe(answer.body)
    const page = await verifyJson(app, record.certificateNo)
    expect(page).toMatchObject({ status: 'valid' })
    expect(page.name).toBeUndefined()
    const [row] = await ctx
      .db()
      .query<{ consents: unknown }>(`SELECT record -> 'consents' AS consents FROM signatures`)
    expect(row?.consents).toEqual({
      endorse: true,
      ...consents,
      publishName: false,
      localEvents: true,
    })
  })

  it('keeps the latest change when changes arrive out of order', async () => {
    const { b01, app } = await register()
    const record = sampleRecord(1)
    await sendBatch(app, sampleBatch([record]), b01)

    await sendBatch(
      app,
      sampleBatch([], {
        consentChanges: [changeOf(record, '2026-10-13T12:00:00.000Z', { publishName: false })],
      }),
      b01,
    )
    const older = await sendBatch(
      app,
      sampleBatch([], {
        consentChanges: [changeOf(record, '2026-10-13T11:00:00.000Z', { publishName: true })],
      }),
      b01,
    )

    expect(older.consentChanges).toEqual([
      { id: record.id, status: 'changed', reason: expect.stringMatching(/later change/) },
    ])
    expect((await verifyJson(app, record.certificateNo)).name).toBeUndefined()
  })

  it("refuses changes to another kiosk's, a withdrawn and an unknown signature", async () => {
    const { b01, b02, app } = await register()
    const [theirs, gone] = [sampleRecord(1), sampleRecord(2)]
    await sendBatch(
      app,
      sampleBatch([theirs, gone], {
        withdrawals: [
          { id: gone.id, certificateNo: gone.certificateNo, withdrawnAt: gone.createdAt },
        ],
      }),
      b01,
    )
    const at = '2026-10-13T12:00:00.000Z'

    const foreign = await sendBatch(
      app,
      sampleBatch([], {
        kioskId: 'B02',
        consentChanges: [changeOf(theirs, at, { publishName: false })],
      }),
      b02,
    )
    const own = await sendBatch(
      app,
      sampleBatch([], {
        consentChanges: [changeOf(gone, at, {}), changeOf(kioskRecord('B01', 9), at, {})],
      }),
      b01,
    )

    expect(foreign.consentChanges[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/not one of kiosk B02's/),
    })
    expect((await verifyJson(app, theirs.certificateNo)).name).toBe('Łukasz Nowak-1')
    expect(own.consentChanges.map((c) => [c.status, c.reason])).toEqual([
      ['rejected', 'this signature was withdrawn'],
      ['rejected', expect.stringMatching(/not registered/)],
    ])
  })

  it('answers 413 to more than 250 consent changes, and 400 to a malformed one', async () => {
    const { b01, app } = await register()
    const change = changeOf(sampleRecord(1), '2026-10-13T12:00:00.000Z', {})

    const tooMany = await postBatch(
      app,
      sampleBatch([], { consentChanges: Array.from({ length: 251 }, () => change) }),
      b01,
    )
    const malformed = await postBatch(
      app,
      { ...sampleBatch([]), consentChanges: [{ ...change, consents: { newsletter: 'yes' } }] },
      b01,
    )

    expect(tooMany.statusCode).toBe(413)
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error).toMatch(/consentChanges\.0\.consents/)
  })
})
