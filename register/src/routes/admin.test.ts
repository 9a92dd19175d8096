import type { FastifyInstance } from 'fastify'
import { afterEach, expect, it } from 'vitest'
import { describeEachDatabase } from '../../testing/databases'
import { organisationRecord, sampleBatch, sampleRecords } from '../../testing/batches-fixtures'
import { asSession, logIn } from '../../testing/console-session'
import { createOrganiser } from '../admin/organisers'
import { LOCKOUT } from '../admin/sessions'
import { buildApp } from '../app'
import type { Db } from '../db/db'
import { createToken } from '../tokens'

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

async function appOn(db: Db, trustProxy = false) {
  const app = await buildApp({ db, version: '9.8.7', trustProxy })
  apps.push(app)
  return app
}

async function sendBatch(
  app: FastifyInstance,
  token: string,
  body: ReturnType<typeof sampleBatch>,
) {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/batches',
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  })
  expect(res.statusCode).toBe(200)
}

interface Page {
  signatures: Array<{ record: { certificateNo: string } }>
  next: string | null
}

describeEachDatabase('organisers console API', (ctx) => {
  it('logs in with a session cookie that is HttpOnly, SameSite=Strict, stored only hashed', async () => {
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await appOn(ctx.db())

    const res = await app.inject({
      method: 'POST',
      url: '/v1/admin/login',
      payload: { name: 'anna', password },
    })

    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ name: 'anna', role: 'organiser' })
    const cookie = res.cookies.find((c) => c.name === 'ck_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
    expect(cookie?.secure).toBeFalsy()
    const stored = await ctx
      .db()
      .query<{ token_sha256: string }>('SELECT token_sha256 FROM organiser_sessions')
    expect(stored).toHaveLength(1)
    expect(stored[0]?.token_sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(stored[0]?.token_sha256).not.toBe(cookie?.value)
  })

  it('sets the cookie Secure when a trusted proxy says the request came over TLS', async () => {
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await appOn(ctx.db(), true)

    const res = await app.inject({
      method: 'POST',
      url: '/v1/admin/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { name: 'anna', password },
    })

    expect(res.cookies.find((c) => c.name === 'ck_session')?.secure).toBe(true)
  })

  it('refuses a wrong password and an unknown name alike, 401, with no session', async () => {
    await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await appOn(ctx.db())

    for (const payload of [
      { name: 'anna', password: 'guess' },
      { name: 'nobody', password: 'guess' },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/v1/admin/login', payload })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toEqual({ error: 'Wrong name or password.' })
      expect(res.cookies).toHaveLength(0)
    }
    const bad = await app.inject({ method: 'POST', url: '/v1/admin/login', payload: { name: 1 } })
    expect(bad.statusCode).toBe(400)
    expect(await ctx.db().query('SELECT 1 FROM organiser_sessions')).toHaveLength(0)
  })

  it('locks an account after repeated failures, even against the right password, and keeps the lock in the database', async () => {
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await appOn(ctx.db())
    for (let i = 0; i < LOCKOUT.failures; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/admin/login',
        payload: { name: 'anna', password: `wrong-${i}` },
      })
      expect(res.statusCode).toBe(401)
    }

    const locked = await app.inject({
      method: 'POST',
      url: '/v1/admin/login',
      payload: { name: 'anna', password },
    })
    expect(locked.statusCode).toBe(429)
    expect(locked.json<{ error: string }>().error).toMatch(/locked until/)

    // A restart does not lift it: the lock is a row, not process memory.
    const restarted = await appOn(ctx.db())
    const again = await restarted.inject({
      method: 'POST',
      url: '/v1/admin/login',
      payload: { name: 'anna', password },
    })
    expect(again.statusCode).toBe(429)

    await ctx.db().query("UPDATE organisers SET locked_until = now() - interval '1 second'")
    await logIn(restarted, 'anna', password)
    const [row] = await ctx
      .db()
      .query<{ failed_logins: number }>('SELECT failed_logins FROM organisers')
    expect(row?.failed_logins).toBe(0)
  })

  it('ends the session at logout (which needs the CSRF token) and at expiry', async () => {
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await appOn(ctx.db())
    const session = await logIn(app, 'anna', password)

    const me = await app.inject({
      method: 'GET',
      url: '/v1/admin/session',
      headers: asSession(session),
    })
    expect(me.json()).toEqual({
      name: 'anna',
      role: 'organiser',
      csrfToken: session.csrfToken,
      exportsEncrypted: false,
    })

    const forged = await app.inject({
      method: 'POST',
      url: '/v1/admin/logout',
      headers: asSession(session, false),
    })
    expect(forged.statusCode).toBe(403)
    const out = await app.inject({
      method: 'POST',
      url: '/v1/admin/logout',
      headers: asSession(session),
    })
    expect(out.statusCode).toBe(204)
    const after = await app.inject({
      method: 'GET',
      url: '/v1/admin/kiosks',
      headers: asSession(session),
    })
    expect(after.statusCode).toBe(401)

    const second = await logIn(app, 'anna', password)
    await ctx.db().query("UPDATE organiser_sessions SET expires_at = now() - interval '1 second'")
    const expired = await app.inject({
      method: 'GET',
      url: '/v1/admin/kiosks',
      headers: asSession(second),
    })
    expect(expired.statusCode).toBe(401)
  })

  it('lists the fleet with last batch, last contact, pending count and app version', async () => {
    const b01 = await createToken(ctx.db(), 'B01')
    const b02 = await createToken(ctx.db(), 'B02')
    await createToken(ctx.db(), 'B03')
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await appOn(ctx.db())
    await sendBatch(app, b01, sampleBatch(sampleRecords(3)))
    const heartbeat = await app.inject({
      method: 'POST',
      url: '/v1/heartbeat',
      headers: { authorization: `Bearer ${b02}` },
      payload: {
        kioskId: 'B02',
        pendingCount: 7,
        appVersion: '0.1.0',
        sentAt: '2026-10-13T10:00:00.000Z',
      },
    })
    expect(heartbeat.statusCode).toBe(204)
    const session = await logIn(app, 'anna', password)

    const res = await app.inject({
      method: 'GET',
      url: '/v1/admin/kiosks',
      headers: asSession(session),
    })

    expect(res.statusCode).toBe(200)
    const { kiosks } = res.json<{ kiosks: Array<Record<string, unknown>> }>()
    expect(kiosks.map((k) => k.kioskId)).toEqual(['B01', 'B02', 'B03'])
    expect(kiosks[0]).toMatchObject({
      activeTokens: 1,
      lastBatch: { records: 3, withdrawals: 0 },
      pendingCount: null,
    })
    expect(kiosks[0]?.lastContact).toEqual(
      (kiosks[0]?.lastBatch as { receivedAt: string }).receivedAt,
    )
    expect(kiosks[1]).toMatchObject({ lastBatch: null, pendingCount: 7, appVersion: '0.1.0' })
    expect(kiosks[1]?.lastContact).toEqual(kiosks[1]?.heartbeatAt)
    expect(kiosks[2]).toMatchObject({ lastBatch: null, lastContact: null, pendingCount: null })
  })

  it('pages the signature search with a keyset cursor, newest first, without gaps or repeats', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await appOn(ctx.db())
    await sendBatch(app, token, sampleBatch(sampleRecords(4, 1)))
    await sendBatch(app, token, sampleBatch(sampleRecords(3, 5)))
    const session = await logIn(app, 'anna', password)

    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    do {
      const url: string = `/v1/admin/signatures?limit=2${after ? `&after=${after}` : ''}`
      const res: Awaited<ReturnType<typeof app.inject>> = await app.inject({
        method: 'GET',
        url,
        headers: asSession(session),
      })
      expect(res.statusCode).toBe(200)
      const page = res.json<Page>()
      seen.push(...page.signatures.map((s) => s.record.certificateNo))
      after = page.next
      pages++
    } while (after)

    expect(pages).toBe(4)
    expect(new Set(seen).size).toBe(7)
    // The second batch (records 5–7) came later, so it is listed first.
    expect(seen.slice(0, 3).sort()).toEqual([
      'EWRC26-B01-000005',
      'EWRC26-B01-000006',
      'EWRC26-B01-000007',
    ])

    const bad = await app.inject({
      method: 'GET',
      url: '/v1/admin/signatures?after=nonsense',
      headers: asSession(session),
    })
    expect(bad.statusCode).toBe(400)
    const badDay = await app.inject({
      method: 'GET',
      url: '/v1/admin/signatures?day=13-10-2026',
      headers: asSession(session),
    })
    expect(badDay.statusCode).toBe(400)
  })

  it('filters by day, kiosk, country, kind, consent and text', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await appOn(ctx.db())
    const [a, b, c] = sampleRecords(3)
    await sendBatch(
      app,
      token,
      sampleBatch([
        { ...a!, day: '2026-10-14', country: 'FR' },
        { ...b!, consents: { ...b!.consents, publishName: false } },
        c!,
        organisationRecord(4, 'Ville de Lyon', 'FR'),
      ]),
    )
    const session = await logIn(app, 'anna', password)
    const find = async (query: string) => {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/admin/signatures?${query}`,
        headers: asSession(session),
      })
      expect(res.statusCode).toBe(200)
      return res
        .json<{ signatures: Array<{ record: { certificateNo: string } }> }>()
        .signatures.map((s) => s.record.certificateNo.slice(-1))
        .sort()
    }

    expect(await find('day=2026-10-14')).toEqual(['1'])
    expect(await find('country=FR')).toEqual(['1', '4'])
    expect(await find('kind=city')).toEqual(['4'])
    expect(await find('kind=individual&country=PL')).toEqual(['2', '3'])
    expect(await find('consent=no')).toEqual(['2'])
    expect(await find('kiosk=B02')).toEqual([])
    expect(await find('q=lyon')).toEqual(['4'])
    expect(await find('q=Nowak-3')).toEqual(['3'])
    expect(await find('q=%25')).toEqual([])
  })

  it('shows one signature and withdraws it at the centre (admin): the same tombstone as a kiosk withdrawal', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const admin = await createOrganiser(ctx.db(), 'root', 'admin')
    const app = await appOn(ctx.db())
    const [record] = sampleRecords(1)
    await sendBatch(app, token, sampleBatch([record!]))
    const session = await logIn(app, 'root', admin)

    const details = await app.inject({
      method: 'GET',
      url: `/v1/admin/signatures/${record!.id}`,
      headers: asSession(session),
    })
    expect(details.json()).toMatchObject({
      certificateNo: record!.certificateNo,
      kioskId: 'B01',
      withdrawnAt: null,
      record: { email: record!.email },
    })

    const res = await app.inject({
      method: 'POST',
      url: `/v1/admin/signatures/${record!.id}/withdraw`,
      headers: asSession(session),
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id: record!.id, status: 'withdrawn' })

    const [row] = await ctx
      .db()
      .query<Record<string, unknown>>(
        'SELECT record, email_key, org_key, capacity, country, withdrawn_at, withdrawal_batch_id FROM signatures',
      )
    expect(row).toMatchObject({
      record: null,
      email_key: null,
      org_key: null,
      capacity: null,
      country: null,
      withdrawal_batch_id: null,
    })
    expect(row?.withdrawn_at).not.toBeNull()
    const cert = await app.inject({
      method: 'GET',
      url: `/v1/certificates/${record!.certificateNo}`,
      headers: { accept: 'application/json' },
    })
    expect(cert.json()).toMatchObject({ status: 'withdrawn' })
    // The kiosk sending it again is told it was withdrawn.
    const again = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { authorization: `Bearer ${token}` },
      payload: sampleBatch([record!]),
    })
    expect(again.json<{ results: Array<{ status: string }> }>().results[0]?.status).toBe(
      'duplicate',
    )

    const missing = await app.inject({
      method: 'POST',
      url: '/v1/admin/signatures/0190f0a0-0000-7000-8000-999999999999/withdraw',
      headers: asSession(session),
    })
    expect(missing.statusCode).toBe(404)
  })

  it('counts by country, kind, day and hour', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await appOn(ctx.db())
    const [a, b] = sampleRecords(2)
    await sendBatch(
      app,
      token,
      sampleBatch([
        { ...a!, day: '2026-10-14', createdAt: '2026-10-14T15:30:00.000Z' },
        b!,
        organisationRecord(3, 'Gmina', 'PL'),
      ]),
    )
    const session = await logIn(app, 'anna', password)

    const res = await app.inject({
      method: 'GET',
      url: '/v1/admin/stats',
      headers: asSession(session),
    })

    const stats = res.json<{
      total: number
      byCountry: object
      byDay: object
      byHour: Record<string, number>
      byKind: Record<string, number>
    }>()
    expect(stats.total).toBe(3)
    expect(stats.byCountry).toEqual({ PL: 3 })
    expect(stats.byKind).toMatchObject({ individual: 2, city: 1 })
    expect(stats.byDay).toEqual({ '2026-10-13': 2, '2026-10-14': 1 })
    expect(stats.byHour['09']).toBe(2)
    expect(stats.byHour['15']).toBe(1)
    expect(Object.keys(stats.byHour)).toHaveLength(24)
  })

  it('lets an admin create and revoke kiosk tokens', async () => {
    const admin = await createOrganiser(ctx.db(), 'root', 'admin')
    const app = await appOn(ctx.db())
    const session = await logIn(app, 'root', admin)

    const created = await app.inject({
      method: 'POST',
      url: '/v1/admin/kiosks/B07/tokens',
      headers: asSession(session),
    })
    expect(created.statusCode).toBe(201)
    const { token } = created.json<{ token: string }>()
    const beat = {
      kioskId: 'B07',
      pendingCount: 0,
      appVersion: '0.1.0',
      sentAt: '2026-10-13T10:00:00.000Z',
    }
    const ok = await app.inject({
      method: 'POST',
      url: '/v1/heartbeat',
      headers: { authorization: `Bearer ${token}` },
      payload: beat,
    })
    expect(ok.statusCode).toBe(204)

    const revoked = await app.inject({
      method: 'DELETE',
      url: '/v1/admin/kiosks/B07/tokens',
      headers: asSession(session),
    })
    expect(revoked.json()).toEqual({ kioskId: 'B07', revoked: 1 })
    const refused = await app.inject({
      method: 'POST',
      url: '/v1/heartbeat',
      headers: { authorization: `Bearer ${token}` },
      payload: beat,
    })
    expect(refused.statusCode).toBe(401)
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/admin/kiosks/b-7/tokens',
      headers: asSession(session),
    })
    expect(bad.statusCode).toBe(400)
  })
})

describeEachDatabase('kiosk heartbeat', (ctx) => {
  const beat = (over: Record<string, unknown> = {}) => ({
    kioskId: 'B01',
    pendingCount: 3,
    appVersion: '0.1.0',
    sentAt: '2026-10-13T10:00:00.000Z',
    ...over,
  })

  it('refuses another kiosk, a bad body and no token, storing nothing', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())
    const send = (payload: unknown, auth: string | null = token) =>
      app.inject({
        method: 'POST',
        url: '/v1/heartbeat',
        headers: auth ? { authorization: `Bearer ${auth}` } : {},
        payload: payload as object,
      })

    expect((await send(beat({ kioskId: 'B02' }))).statusCode).toBe(403)
    expect((await send(beat({ pendingCount: -1 }))).statusCode).toBe(400)
    expect((await send(beat({ sentAt: 'yesterday' }))).statusCode).toBe(400)
    expect((await send([])).statusCode).toBe(400)
    expect((await send(beat(), null)).statusCode).toBe(401)
    expect((await send(beat(), 'ckr_wrong')).statusCode).toBe(401)
    expect(await ctx.db().query('SELECT 1 FROM kiosk_heartbeats')).toHaveLength(0)
  })

  it('keeps the latest heartbeat; an older one arriving late changes nothing', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const app = await appOn(ctx.db())
    const send = (payload: unknown) =>
      app.inject({
        method: 'POST',
        url: '/v1/heartbeat',
        headers: { authorization: `Bearer ${token}` },
        payload: payload as object,
      })

    await send(beat({ pendingCount: 5, sentAt: '2026-10-13T10:05:00.000Z' }))
    await send(beat({ pendingCount: 9, sentAt: '2026-10-13T10:00:00.000Z' }))

    const rows = await ctx
      .db()
      .query<{ pending_count: number }>('SELECT pending_count FROM kiosk_heartbeats')
    expect(rows).toEqual([{ pending_count: 5 }])
  })
})
