import { afterEach, expect, it } from 'vitest'
import { describeEachDatabase } from '../testing/databases'
import { sampleBatch, sampleRecord } from '../testing/batches-fixtures'
import { postBatch, rowCounts, sendBatch, useApps } from '../testing/inject'
import { createToken } from './tokens'

const apps = useApps()
afterEach(() => apps.closeAll())

// The register's clock in these tests: the sample records are from 2026-10-13 09:00 UTC.
const NOW = new Date('2026-10-13T10:00:00.000Z')

describeEachDatabase('no input poisons a batch', (ctx) => {
  async function register() {
    const token = await createToken(ctx.db(), 'B01')
    return { token, app: await apps.open(ctx.db(), { now: () => NOW }) }
  }

  it('rejects records with NUL, unpaired surrogates or control characters, and takes the rest', async () => {
    const { token, app } = await register()
    const poisoned = [
      sampleRecord(2, { firstName: 'Anna\u0000' }),
      sampleRecord(3, { lastName: 'Nowak\ud800' }),
      sampleRecord(4, { city: 'Kra\u0085ków' }),
      sampleRecord(5, { role: 'Mayor\u001b[31m', capacity: 'organisation' }),
    ]

    const answer = await sendBatch(
      app,
      sampleBatch([sampleRecord(1), ...poisoned, sampleRecord(6)]),
      token,
    )

    expect(answer.results.map((r) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
    ])
    for (const result of answer.results.slice(1, 5)) {
      expect(result.reason).toMatch(/control characters or broken Unicode/)
    }
    expect(await rowCounts(ctx.db())).toEqual({ signatures: 2, batches: 1 })
  })

  it('answers a retry of a batch with a poisoned record the same, never 5xx', async () => {
    const { token, app } = await register()
    const batch = sampleBatch([sampleRecord(1, { firstName: '\u0000' }), sampleRecord(2)])

    const first = await postBatch(app, batch, token)
    const retry = await postBatch(app, batch, token)

    expect([first.statusCode, retry.statusCode]).toEqual([200, 200])
    expect(retry.body).toBe(first.body)
  })

  it('answers 400 to a body nested deeper than 32 levels, even 100,000 deep, writing nothing', async () => {
    const { token, app } = await register()
    const deep = (levels: number) =>
      JSON.stringify(sampleBatch([])).replace(
        '"records":[]',
        `"records":[${'['.repeat(levels)}${']'.repeat(levels)}]`,
      )

    const shallow = await postBatch(app, deep(20), token)
    const tooDeep = await postBatch(app, deep(40), token)
    const huge = await postBatch(app, deep(100_000), token)

    expect(shallow.statusCode).toBe(200)
    expect(shallow.json()).toMatchObject({ results: [{ status: 'rejected' }] })
    expect([tooDeep.statusCode, huge.statusCode]).toEqual([400, 400])
    expect(huge.json()).toEqual({ error: 'Body nested deeper than 32 levels.' })
    expect(await rowCounts(ctx.db())).toEqual({ signatures: 0, batches: 1 })
  })

  it('rejects implausible records: unknown country, other language, day far from createdAt, future, strokes off the box', async () => {
    const { token, app } = await register()
    const implausible = [
      sampleRecord(2, { country: 'XX' }),
      sampleRecord(3, { language: 'xx' as 'en' }),
      sampleRecord(4, { day: '2026-10-20' }),
      sampleRecord(5, { createdAt: '2026-10-13T10:11:00.000Z', day: '2026-10-13' }),
      sampleRecord(6, { signature: { width: 100, height: 50, strokes: [[10, 10, 120, 20]] } }),
    ]
    const skewed = sampleRecord(7, { createdAt: '2026-10-13T10:09:00.000Z' })

    const answer = await sendBatch(
      app,
      sampleBatch([sampleRecord(1), ...implausible, skewed]),
      token,
    )

    expect(answer.results.map((r) => r.status)).toEqual([
      'accepted',
      ...implausible.map(() => 'rejected'),
      'accepted',
    ])
    expect(answer.results.slice(1, 6).map((r) => r.reason)).toEqual([
      expect.stringMatching(/country/),
      expect.stringMatching(/language/),
      expect.stringMatching(/day/),
      expect.stringMatching(/in the future/),
      expect.stringMatching(/outside the 100 × 50 box/),
    ])
    const stats = await app.inject({ method: 'GET', url: '/v1/stats' })
    expect(stats.json()).toMatchObject({ total: 2, byCountry: { PL: 2 } })
  })
})
