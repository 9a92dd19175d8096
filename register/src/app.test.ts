import type { FastifyInstance } from 'fastify'
import { afterEach, expect, it } from 'vitest'
import {
  MAX_BATCH_BYTES,
  batchResponseSchema,
  certificateVerificationSchema,
  errorBodySchema,
  statsSchema,
} from '../../electron/shared/register-protocol'
import { describeEachDatabase } from '../testing/databases'
import {
  organisationRecord,
  sampleBatch,
  sampleRecord,
  sampleRecords,
} from '../testing/batches-fixtures'
import { httpRequest } from '../testing/http'
import { buildApp, type RegisterAppOptions } from './app'
import type { Db } from './db/db'
import { createToken, revokeTokens } from './tokens'

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

async function appOn(db: Db, options: Partial<RegisterAppOptions> = {}) {
  const app = await buildApp({ db, version: '9.8.7', ...options })
  apps.push(app)
  return app
}

function post(app: FastifyInstance, body: unknown, token: string | null) {
  return app.inject({
    method: 'POST',
    url: '/v1/batches',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Signatures plus batches stored: what "nothing written" is checked against. */
async function rowsWritten(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT (SELECT count(*) FROM signatures) + (SELECT count(*) FROM batches) AS n',
  )
  return Number(row?.n)
}

const errorOf = (body: string) => errorBodySchema.parse(JSON.parse(body)).error

describeEachDatabase('register HTTP API', (ctx) => {
  it('answers health with its version', async () => {
    const app = await appOn(ctx.db())
    const res = await app.inject({ method: 'GET', url: '/v1/health' })

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', version: '9.8.7' })
  })

  it('accepts a batch with a valid token and answers per record', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())
    const records = sampleRecords(3)

    const res = await post(app, sampleBatch(records), token)

    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(batchResponseSchema.parse(res.json()).results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ])
  })

  it('answers 401 without a token, with a wrong one and with a revoked one, writing nothing', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())
    const batch = sampleBatch(sampleRecords(1))

    const missing = await post(app, batch, null)
    const wrong = await post(app, batch, `${token}x`)
    await revokeTokens(ctx.db(), 'B01')
    const revoked = await post(app, batch, token)

    for (const res of [missing, wrong, revoked]) {
      expect(res.statusCode).toBe(401)
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/)
    }
    expect(errorOf(missing.body)).toMatch(/Authorization: Bearer/)
    expect(errorOf(revoked.body)).toMatch(/revoked/)
    expect(await rowsWritten(ctx.db())).toBe(0)
  })

  it('answers 403 when a token is used for another kiosk', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())

    const res = await post(app, sampleBatch([sampleRecord(1)], { kioskId: 'B02' }), token)

    expect(res.statusCode).toBe(403)
    expect(errorOf(res.body)).toMatch(/B01/)
    expect(await rowsWritten(ctx.db())).toBe(0)
  })

  it('answers 400 with a readable error for malformed JSON and for a malformed batch', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())

    const broken = await post(app, '{"batchId": "', token)
    const noBatchId = await post(app, { ...sampleBatch([sampleRecord(1)]), batchId: 42 }, token)
    const recordsNotList = await post(app, { ...sampleBatch([]), records: 'many' }, token)

    expect([broken.statusCode, noBatchId.statusCode, recordsNotList.statusCode]).toEqual([
      400, 400, 400,
    ])
    expect(errorOf(broken.body)).toMatch(/JSON/)
    expect(errorOf(noBatchId.body)).toMatch(/batchId/)
    expect(errorOf(recordsNotList.body)).toMatch(/records/)
    expect(await rowsWritten(ctx.db())).toBe(0)
  })

  it('answers 415 to a body that is not JSON', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())

    const res = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      payload: JSON.stringify(sampleBatch([sampleRecord(1)])),
    })

    expect(res.statusCode).toBe(415)
    expect(errorOf(res.body)).toMatch(/text\/plain/)
    expect(await rowsWritten(ctx.db())).toBe(0)
  })

  it('answers 413 for a body over the byte limit and for too many records', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())
    const padding = 'x'.repeat(MAX_BATCH_BYTES)

    const heavy = await post(app, { ...sampleBatch([sampleRecord(1)]), padding }, token)
    const many = await post(app, sampleBatch(sampleRecords(251)), token)

    expect(heavy.statusCode).toBe(413)
    expect(errorOf(heavy.body)).toMatch(/too large/)
    expect(many.statusCode).toBe(413)
    expect(errorOf(many.body)).toMatch(/251 records, at most 250/)
    expect(await rowsWritten(ctx.db())).toBe(0)
  })

  it('answers 429 with Retry-After past the per-token rate, and only for that token', async () => {
    const b01 = await createToken(ctx.db(), 'B01')
    const b02 = await createToken(ctx.db(), 'B02')
    const app = await appOn(ctx.db(), { rateLimit: { max: 2, windowMs: 60_000 } })

    const first = await post(app, sampleBatch([sampleRecord(1)]), b01)
    const second = await post(app, sampleBatch([sampleRecord(2)]), b01)
    const third = await post(app, sampleBatch([sampleRecord(3)]), b01)
    const otherKiosk = await post(
      app,
      sampleBatch([sampleRecord(4, { kioskId: 'B02', certificateNo: 'EWRC26-B02-000004' })], {
        kioskId: 'B02',
      }),
      b02,
    )

    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([200, 200, 429])
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0)
    expect(errorOf(third.body)).toMatch(/retry in/)
    expect(otherKiosk.statusCode).toBe(200)
  })

  it('replays a batch with byte-identical JSON and answers 409 to a changed body', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())
    const batch = sampleBatch([sampleRecord(1), sampleRecord(2, { email: 'visitor1@example.eu' })])

    const first = await post(app, batch, token)
    const replay = await post(app, { ...batch, sentAt: '2026-10-13T10:05:00.000Z' }, token)
    const changed = await post(app, { ...batch, records: [sampleRecord(1)] }, token)

    expect(first.statusCode).toBe(200)
    expect(replay.statusCode).toBe(200)
    expect(replay.rawPayload.equals(first.rawPayload)).toBe(true)
    expect(changed.statusCode).toBe(409)
    expect(errorOf(changed.body)).toMatch(/new batchId/)
    // One signature (the second record duplicates the first) and one batch.
    expect(await rowsWritten(ctx.db())).toBe(1 + 1)
  })

  it('writes once when two identical batches race over two real connections', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    const body = JSON.stringify(sampleBatch(sampleRecords(100)))
    const send = () =>
      httpRequest(`${url}/v1/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      })

    const [a, b] = await Promise.all([send(), send()])

    expect([a.status, b.status]).toEqual([200, 200])
    expect(b.text).toBe(a.text)
    expect(await rowsWritten(ctx.db())).toBe(100 + 1)
  })

  it('counts signatures by kind and country, withdrawn ones apart', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())
    const gone = sampleRecord(4, { country: 'FR', email: null })
    await post(
      app,
      sampleBatch([
        sampleRecord(1),
        sampleRecord(2, { country: 'DE' }),
        organisationRecord(3, 'Miasto Gdańsk', 'PL'),
        gone,
      ]),
      token,
    )
    await post(
      app,
      sampleBatch([], {
        withdrawals: [
          { id: gone.id, certificateNo: gone.certificateNo, withdrawnAt: gone.createdAt },
        ],
      }),
      token,
    )

    const res = await app.inject({ method: 'GET', url: '/v1/stats' })

    expect(res.statusCode).toBe(200)
    const stats = statsSchema.parse(res.json())
    expect(stats).toMatchObject({ total: 3, withdrawn: 1, byCountry: { PL: 2, DE: 1 } })
    expect(stats.byKind).toMatchObject({ individual: 2, city: 1, region: 0 })
  })

  it('verifies certificates as JSON: the name only with consent, withdrawn, unknown', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())
    const shy = sampleRecord(2, {
      consents: { endorse: true, newsletter: false, publishName: false, localStory: false },
    })
    const gone = sampleRecord(3)
    await post(app, sampleBatch([sampleRecord(1), shy, gone]), token)
    await post(
      app,
      sampleBatch([], {
        withdrawals: [
          { id: gone.id, certificateNo: gone.certificateNo, withdrawnAt: gone.createdAt },
        ],
      }),
      token,
    )
    const verify = (no: string) =>
      app.inject({
        method: 'GET',
        url: `/v1/certificates/${no}`,
        headers: { accept: 'application/json' },
      })

    const [named, anonymous, withdrawn, unknown, garbage] = await Promise.all([
      verify('EWRC26-B01-000001'),
      verify('EWRC26-B01-000002'),
      verify('EWRC26-B01-000003'),
      verify('EWRC26-B01-000099'),
      verify('%3Cscript%3E'),
    ])

    expect(certificateVerificationSchema.parse(named.json())).toMatchObject({
      status: 'valid',
      name: 'Łukasz Nowak-1',
      country: 'PL',
      signedOn: '2026-10-13',
    })
    expect(anonymous.json()).toMatchObject({ status: 'valid' })
    expect(anonymous.body).not.toContain('Nowak')
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' })
    expect(withdrawn.body).not.toContain('Nowak')
    expect([unknown.statusCode, unknown.json().status]).toEqual([404, 'unknown'])
    expect([garbage.statusCode, garbage.json().status]).toEqual([404, 'unknown'])
  })

  it('shows a phone browser a readable page with every value escaped', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())
    await post(
      app,
      sampleBatch([sampleRecord(1, { lastName: '<img src=x onerror=alert(1)>' })]),
      token,
    )
    const browser = {
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    }

    const page = await app.inject({
      method: 'GET',
      url: '/v1/certificates/EWRC26-B01-000001',
      headers: browser,
    })
    const unknown = await app.inject({
      method: 'GET',
      url: '/v1/certificates/%3Cb%3Ebold%3C%2Fb%3E',
      headers: browser,
    })

    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect(page.body).toContain('Valid certificate')
    expect(page.body).toContain('name="viewport"')
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(page.body).not.toContain('<img')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.body).toContain('Unknown certificate')
    expect(unknown.body).toContain('&lt;b&gt;bold&lt;/b&gt;')
    expect(unknown.body).not.toContain('<b>')
  })

  it('fails and drops batches on request (test faults), and the retry still lands once', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db(), { faults: { failBatches: 1, dropAfterCommit: 1 } })
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    const body = JSON.stringify(sampleBatch(sampleRecords(3)))
    const send = () =>
      httpRequest(`${url}/v1/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      })

    const failed = await send()
    const dropped = send()
    await expect(dropped).rejects.toThrow(/socket hang up|ECONNRESET/)
    const retried = await send()

    expect(failed.status).toBe(500)
    expect(retried.status).toBe(200)
    expect(batchResponseSchema.parse(JSON.parse(retried.text)).results).toHaveLength(3)
    expect(await rowsWritten(ctx.db())).toBe(3 + 1)
  })

  it('answers 503 with Retry-After when the database is unreachable', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    })
    const db: Db = { ...ctx.db(), query: () => Promise.reject(down) }
    const app = await appOn(db)

    const res = await app.inject({ method: 'GET', url: '/v1/health' })

    expect(res.statusCode).toBe(503)
    expect(res.headers['retry-after']).toBe('5')
    expect(errorOf(res.body)).toMatch(/unavailable/)
  })
})
