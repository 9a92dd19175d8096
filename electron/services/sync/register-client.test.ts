import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildApp, type RegisterAppOptions } from '../../../register/src/app'
import type { Db } from '../../../register/src/db/db'
import { migrate } from '../../../register/src/db/migrate'
import { openPglite } from '../../../register/src/db/pglite'
import { createToken, revokeTokens } from '../../../register/src/tokens'
import { sampleBatch, sampleRecords } from '../../../register/testing/batches-fixtures'
import { batchRequestSchema, type BatchRequest } from '../../shared/register-protocol'
import { encodeBatchBody } from '../../shared/sync'
import { RegisterClient, type RegisterSettings } from './register-client'

/** Settings as the SettingsStore gives them, changeable per test. */
function settingsOf(
  url: string,
  token: string | null,
): RegisterSettings & {
  url: string
  token: string | null
} {
  return {
    url,
    token,
    editable() {
      return { registerUrl: this.url }
    },
    secret() {
      return this.token
    },
  }
}

let db: Db
beforeAll(async () => {
  db = await openPglite()
  await migrate(db)
}, 60_000)
afterAll(async () => {
  await db.close()
})
beforeEach(async () => {
  await db.exec('TRUNCATE signatures, batches, kiosk_tokens RESTART IDENTITY CASCADE')
})

const closers: (() => Promise<unknown>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** The real register on a loopback port, on an in-memory embedded database. */
async function realRegister(options: Partial<RegisterAppOptions> = {}): Promise<string> {
  const app: FastifyInstance = await buildApp({ db, ...options })
  await app.listen({ port: 0, host: '127.0.0.1' })
  closers.push(() => app.close())
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}

/** A stand-in server for answers the real register gives only when it is broken or far away. */
async function fakeServer(
  answer: (res: ServerResponse, body: string, req: IncomingMessage) => void,
): Promise<string> {
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => answer(res, body, req))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(resolve)
      }),
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function count(table: 'signatures' | 'batches'): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)
  return Number(row?.n)
}

const batch = (n = 3, from = 1): BatchRequest =>
  batchRequestSchema.parse(sampleBatch(sampleRecords(n, from)))

describe('RegisterClient against the real register', () => {
  it('reports health, sends a batch and reads the per-record answer', async () => {
    const url = await realRegister({ version: '1.2.3' })
    const token = await createToken(db, 'B01')
    const client = new RegisterClient(settingsOf(`${url}/`, token))

    const health = await client.health()
    expect(health).toMatchObject({ state: 'ok', version: '1.2.3' })
    const outcome = await client.sendBatch(batch(3))
    expect(outcome.kind).toBe('accepted')
    if (outcome.kind !== 'accepted') return
    expect(outcome.response.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ])
    expect(await count('signatures')).toBe(3)
  })

  it('says "not configured" without a URL or a token, and sends nothing', async () => {
    const url = await realRegister()
    expect(await new RegisterClient(settingsOf('', 'x'.repeat(20))).health()).toEqual({
      state: 'not-configured',
      reason: 'No register URL is set in settings.',
    })
    const noToken = new RegisterClient(settingsOf(url, null))
    expect(await noToken.health()).toMatchObject({ state: 'not-configured' })
    expect(await noToken.sendBatch(batch())).toMatchObject({ kind: 'not-configured' })
    expect(await count('batches')).toBe(0)
  })

  it('stops on a revoked token (401) with a reason staff can act on, and the fingerprint changes with a new token', async () => {
    const url = await realRegister()
    const old = await createToken(db, 'B01')
    const settings = settingsOf(url, old)
    const client = new RegisterClient(settings)
    const before = await client.health()
    await revokeTokens(db, 'B01')

    const outcome = await client.sendBatch(batch())
    expect(outcome).toMatchObject({ kind: 'stop', status: 401 })
    if (outcome.kind !== 'stop') return
    expect(outcome.reason).toMatch(/refused this kiosk's token \(401\).*new token/)
    expect(outcome.reason).not.toContain(old)
    expect(await count('signatures')).toBe(0)

    settings.token = await createToken(db, 'B01')
    const after = await client.health()
    expect(after.state === 'ok' && before.state === 'ok' && after.credential).not.toBe(
      before.state === 'ok' && before.credential,
    )
    expect((await client.sendBatch(batch())).kind).toBe('accepted')
  })

  it('stops on a batch for another kiosk (403) and on a changed body under the same id (409)', async () => {
    const url = await realRegister()
    const client = new RegisterClient(settingsOf(url, await createToken(db, 'B01')))
    const other = batchRequestSchema.parse(sampleBatch(sampleRecords(1), { kioskId: 'B02' }))
    expect(await client.sendBatch(other)).toMatchObject({ kind: 'stop', status: 403 })

    const first = batch(2)
    expect((await client.sendBatch(first)).kind).toBe('accepted')
    const changed = { ...first, records: first.records.slice(0, 1) }
    const outcome = await client.sendBatch(changed)
    expect(outcome).toMatchObject({ kind: 'stop', status: 409 })
    expect(outcome.kind === 'stop' && outcome.reason).toMatch(/different content/)
  })

  it('stops on a batch that is too large (413)', async () => {
    const url = await realRegister()
    const client = new RegisterClient(settingsOf(url, await createToken(db, 'B01')))
    const outcome = await client.sendBatch(batch(251))
    expect(outcome).toMatchObject({ kind: 'stop', status: 413 })
    expect(outcome.kind === 'stop' && outcome.reason).toMatch(/too large.*251 records/)
  })

  it('retries after a 500, and the same batch then goes in once', async () => {
    const url = await realRegister({ faults: { failBatches: 1 } })
    const client = new RegisterClient(settingsOf(url, await createToken(db, 'B01')))
    const same = batch(2)
    expect(await client.sendBatch(same)).toMatchObject({
      kind: 'retry',
      status: 500,
      retryAfterMs: null,
    })
    expect(await count('signatures')).toBe(0)
    expect((await client.sendBatch(same)).kind).toBe('accepted')
    expect(await count('signatures')).toBe(2)
  })

  it('retries when the connection drops after the register committed; the retry gets the stored answer', async () => {
    const url = await realRegister({ faults: { dropAfterCommit: 1 } })
    const client = new RegisterClient(settingsOf(url, await createToken(db, 'B01')))
    const same = batch(2)
    const lost = await client.sendBatch(same)
    expect(lost).toMatchObject({ kind: 'retry', status: null })
    expect(lost.kind === 'retry' && lost.reason).toMatch(/connection to the register was lost/)
    expect(await count('signatures')).toBe(2)

    const again = await client.sendBatch(same)
    expect(again.kind).toBe('accepted')
    expect(again.kind === 'accepted' && again.response.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
    ])
    expect(await count('signatures')).toBe(2)
    expect(await count('batches')).toBe(1)
  })

  it('retries after 429 with the Retry-After of the rate limit, in milliseconds', async () => {
    const url = await realRegister({ rateLimit: { max: 1, windowMs: 60_000 } })
    const client = new RegisterClient(settingsOf(url, await createToken(db, 'B01')))
    expect((await client.sendBatch(batch(1))).kind).toBe('accepted')
    const outcome = await client.sendBatch(batch(1, 2))
    expect(outcome).toMatchObject({ kind: 'retry', status: 429 })
    if (outcome.kind !== 'retry') return
    expect(outcome.retryAfterMs).toBeGreaterThan(0)
    expect(outcome.retryAfterMs).toBeLessThanOrEqual(60_000)
    expect(outcome.retryAfterMs! % 1000).toBe(0)
  })

  it('says the register is unreachable when nothing listens, and retries a batch', async () => {
    const url = await realRegister()
    const token = await createToken(db, 'B01')
    // Once closed, the port refuses connections: nothing to wait for beyond the close itself.
    await Promise.all(closers.splice(0).map((close) => close()))
    const client = new RegisterClient(settingsOf(url, token))
    const health = await client.health()
    expect(health.state).toBe('unreachable')
    expect(health.state === 'unreachable' && health.reason).toMatch(/not accepting connections/)
    expect(await client.sendBatch(batch())).toMatchObject({ kind: 'retry', status: null })
  })
})

describe('RegisterClient, answers the register gives only when broken or far away', () => {
  const token = 'ckr_' + 'a'.repeat(40)

  it('sends exactly the bytes encodeBatchBody gives, with the bearer token, for every retry', async () => {
    const seen: { body: string; auth: string | undefined }[] = []
    const url = await fakeServer((res, body, req) => {
      seen.push({ body, auth: req.headers.authorization })
      res.writeHead(500).end()
    })
    const client = new RegisterClient(settingsOf(url, token))
    const request = batch(2)
    await client.sendBatch(request)
    await client.sendBatch(request)
    const stored = encodeBatchBody(request)
    expect(seen).toEqual([
      { body: stored, auth: `Bearer ${token}` },
      { body: stored, auth: `Bearer ${token}` },
    ])
    // Re-encoding a stored body gives the same text: what the renderer stores is what is sent.
    expect(encodeBatchBody(JSON.parse(stored) as BatchRequest)).toBe(stored)
  })

  it('honours a 503 Retry-After in seconds and in HTTP-date form', async () => {
    const now = Date.parse('2026-10-13T10:00:00Z')
    let header = '7'
    const url = await fakeServer((res) =>
      res
        .writeHead(503, { 'retry-after': header, 'content-type': 'application/json' })
        .end('{"error":"maintenance"}'),
    )
    const client = new RegisterClient(settingsOf(url, token), { now: () => now })
    expect(await client.sendBatch(batch())).toEqual({
      kind: 'retry',
      status: 503,
      retryAfterMs: 7_000,
      reason: 'The register had a problem (503): maintenance.',
    })
    header = new Date(now + 90_000).toUTCString()
    expect(await client.sendBatch(batch())).toMatchObject({ retryAfterMs: 90_000 })
  })

  it("stops on 400 with the register's words", async () => {
    const url = await fakeServer((res) =>
      res.writeHead(400).end(JSON.stringify({ error: 'Malformed batch: records: expected array' })),
    )
    const outcome = await new RegisterClient(settingsOf(url, token)).sendBatch(batch())
    expect(outcome).toMatchObject({
      kind: 'stop',
      status: 400,
      reason:
        'The register could not read the batch (400): Malformed batch: records: expected array.',
    })
  })

  it('retries when a Wi-Fi login page answers 200 instead of the register', async () => {
    const url = await fakeServer((res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html>Welcome to Venue Wi-Fi</html>'),
    )
    const client = new RegisterClient(settingsOf(url, token))
    expect(await client.health()).toMatchObject({ state: 'unreachable' })
    expect(await client.sendBatch(batch())).toMatchObject({ kind: 'retry', status: 200 })
  })

  it('stops on a redirect rather than sending the token elsewhere', async () => {
    const url = await fakeServer((res) =>
      res.writeHead(301, { location: 'https://register.example.eu/v1/batches' }).end(),
    )
    const outcome = await new RegisterClient(settingsOf(url, token)).sendBatch(batch())
    expect(outcome).toMatchObject({ kind: 'stop', status: 301 })
    expect(outcome.kind === 'stop' && outcome.reason).toContain('https://register.example.eu')
  })

  it('stops when a 200 answer belongs to another batch', async () => {
    const url = await fakeServer((res) =>
      res.end(JSON.stringify({ batchId: 'someone-else', results: [], withdrawals: [] })),
    )
    expect(await new RegisterClient(settingsOf(url, token)).sendBatch(batch())).toMatchObject({
      kind: 'stop',
      status: 200,
    })
  })

  it('gives up waiting after the timeout and says so', async () => {
    const url = await fakeServer(() => undefined)
    const client = new RegisterClient(settingsOf(url, token), {
      sendTimeoutMs: 200,
      healthTimeoutMs: 200,
    })
    const outcome = await client.sendBatch(batch())
    expect(outcome).toMatchObject({ kind: 'retry', status: null })
    expect(outcome.kind === 'retry' && outcome.reason).toMatch(/did not answer within 200 ms/)
    expect(await client.health()).toMatchObject({ state: 'unreachable' })
  })
})
