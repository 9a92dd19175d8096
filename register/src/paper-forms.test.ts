import { afterEach, expect, it } from 'vitest'
import type { SignatureRecord } from '../../electron/shared/signature'
import { describeEachDatabase } from '../testing/databases'
import { sampleBatch, sampleRecord } from '../testing/batches-fixtures'
import { asSession, logIn } from '../testing/console-session'
import { sendBatch, useApps, verifyJson } from '../testing/inject'
import { createOrganiser } from './admin/organisers'
import { createToken } from './tokens'

const apps = useApps()
afterEach(() => apps.closeAll())

/** Record n of kiosk B01 as staff key in a paper form: no strokes, source paper, a reference. */
function paperForm(n: number, paperRef: string, overrides: Partial<SignatureRecord> = {}) {
  const { signature: _drawn, ...record } = sampleRecord(n, overrides)
  return { ...record, source: 'paper' as const, paperRef }
}

describeEachDatabase('paper forms', (ctx) => {
  async function setUp() {
    const token = await createToken(ctx.db(), 'B01')
    const app = await apps.open(ctx.db())
    return { token, app }
  }

  it('registers a paper form without strokes, stores its source and reference, and verifies it', async () => {
    const { token, app } = await setUp()
    const paper = paperForm(1, 'P-0042')

    const answer = await sendBatch(app, sampleBatch([paper]), token)

    expect(answer.results).toEqual([{ id: paper.id, status: 'accepted' }])
    const [row] = await ctx
      .db()
      .query<{ source: string; paper_ref: string | null; record: unknown }>(
        'SELECT source, paper_ref, record FROM signatures WHERE id = $1',
        [paper.id],
      )
    expect(row).toMatchObject({ source: 'paper', paper_ref: 'P-0042' })
    const stored = (typeof row?.record === 'string' ? JSON.parse(row.record) : row?.record) as {
      signature?: unknown
    }
    expect(stored).toMatchObject({ source: 'paper', paperRef: 'P-0042' })
    expect(stored.signature).toBeUndefined()
    expect(await verifyJson(app, paper.certificateNo)).toMatchObject({ status: 'valid' })
  })

  it('rejects a record without strokes that is not a paper form, and takes the rest of its batch', async () => {
    const { token, app } = await setUp()
    const { signature: _drawn, ...noStrokes } = sampleRecord(1)
    const kioskNoStrokes = { ...noStrokes, source: 'kiosk' }
    const fine = sampleRecord(3)

    const answer = await sendBatch(app, sampleBatch([noStrokes, kioskNoStrokes, fine]), token)

    expect(answer.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'accepted'])
    expect(answer.results[0]?.reason).toMatch(
      /signature: is required unless the record is a paper form/,
    )
    expect(answer.results[1]?.reason).toMatch(/signature/)
  })

  it('refuses a bad reference, and a reference its kiosk and event registered already', async () => {
    const { token, app } = await setUp()
    const first = paperForm(1, 'P-7')
    const sameRef = paperForm(2, 'P-7')
    const otherEvent = paperForm(3, 'P-7', {
      eventCode: 'EWRC27',
      certificateNo: 'EWRC27-B01-000003',
    })
    const badRef = paperForm(4, 'p 7; drop')

    const answer = await sendBatch(app, sampleBatch([first, sameRef, otherEvent, badRef]), token)

    expect(answer.results.map((r) => r.status)).toEqual([
      'accepted',
      'rejected',
      'accepted',
      'rejected',
    ])
    expect(answer.results[1]?.reason).toMatch(/paper form P-7 .*already registered/)
    expect(answer.results[3]?.reason).toMatch(/paperRef/)
  })

  it('answers a paper form of someone who signed on a kiosk as a duplicate, like any signature', async () => {
    const { token, app } = await setUp()
    const onScreen = sampleRecord(1)
    const onPaper = paperForm(2, 'P-1', { email: onScreen.email })

    await sendBatch(app, sampleBatch([onScreen]), token)
    const answer = await sendBatch(app, sampleBatch([onPaper]), token)

    expect(answer.results).toEqual([
      {
        id: onPaper.id,
        status: 'duplicate',
        reason: 'this email address has already signed',
        certificateNo: onScreen.certificateNo,
      },
    ])
  })

  it("returns source and reference in the organisers' views, and filters by source", async () => {
    const { token, app } = await setUp()
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const session = await logIn(app, 'anna', password)
    const paper = paperForm(1, 'P-0042')
    const kiosk = sampleRecord(2)
    await sendBatch(app, sampleBatch([paper, kiosk]), token)

    const page = async (query: string) => {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/admin/signatures?${query}`,
        headers: asSession(session),
      })
      expect(res.statusCode).toBe(200)
      return res.json<{ signatures: { record: SignatureRecord }[] }>().signatures
    }
    expect((await page('source=paper')).map((s) => s.record)).toEqual([paper])
    expect((await page('source=kiosk')).map((s) => s.record.certificateNo)).toEqual([
      kiosk.certificateNo,
    ])
    expect((await page('q=P-0042')).map((s) => s.record.certificateNo)).toEqual([
      paper.certificateNo,
    ])
    const details = await app.inject({
      method: 'GET',
      url: `/v1/admin/signatures/${paper.id}`,
      headers: asSession(session),
    })
    expect(details.json<{ record: SignatureRecord }>().record).toMatchObject({
      source: 'paper',
      paperRef: 'P-0042',
    })
    const bad = await app.inject({
      method: 'GET',
      url: '/v1/admin/signatures?source=fax',
      headers: asSession(session),
    })
    expect(bad.statusCode).toBe(400)
  })
})
