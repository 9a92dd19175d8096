import type { FastifyInstance } from 'fastify'
import { afterEach, expect, it } from 'vitest'
import { describeEachDatabase } from '../../testing/databases'
import { sampleBatch, sampleRecords } from '../../testing/batches-fixtures'
import { asSession, logIn, type ConsoleSession } from '../../testing/console-session'
import { createOrganiser } from '../admin/organisers'
import { buildApp, routeTable, type RouteEntry } from '../app'
import type { Db } from '../db/db'
import { createToken } from '../tokens'

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

/** Every row of every table the console can change, to compare before and after. */
async function snapshot(db: Db): Promise<string> {
  const tables = [
    'signatures',
    'batches',
    'kiosk_tokens',
    'organisers',
    'organiser_sessions',
    'kiosk_heartbeats',
  ]
  const dump: Record<string, unknown> = {}
  for (const table of tables) {
    dump[table] = await db.query(`SELECT * FROM ${table} ORDER BY 1`)
  }
  return JSON.stringify(dump)
}

describeEachDatabase('console authorization, route by route', (ctx) => {
  it('refuses every /v1/admin route without a session, with a kiosk token, to an organiser where admins only, and without the CSRF token, changing nothing', async () => {
    const kioskToken = await createToken(ctx.db(), 'B01')
    const organiserPassword = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const adminPassword = await createOrganiser(ctx.db(), 'root', 'admin')
    const app = await buildApp({ db: ctx.db() })
    apps.push(app)
    const [record] = sampleRecords(1)
    const batch = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { authorization: `Bearer ${kioskToken}` },
      payload: sampleBatch([record!]),
    })
    expect(batch.statusCode).toBe(200)
    const organiser = await logIn(app, 'anna', organiserPassword)
    const admin = await logIn(app, 'root', adminPassword)

    const adminRoutes = routeTable(app).filter((r) => r.url.startsWith('/v1/admin/'))
    // Every route says who may call it; only login is open.
    expect(adminRoutes.filter((r) => r.access === undefined)).toEqual([])
    expect(adminRoutes.filter((r) => r.access === 'public').map((r) => r.url)).toEqual([
      '/v1/admin/login',
    ])
    const guarded = adminRoutes.filter((r) => r.access !== 'public')
    expect(guarded.filter((r) => r.access === 'admin').length).toBeGreaterThanOrEqual(3)

    const call = (route: RouteEntry, headers: Record<string, string>) =>
      app.inject({
        method: route.method as 'GET',
        url: route.url.replace(':id', record!.id).replace(':kioskId', 'B01'),
        headers,
        ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { payload: {} }),
      })
    const before = await snapshot(ctx.db())
    const refusals: string[] = []
    const expectStatus = async (
      route: RouteEntry,
      who: string,
      headers: Record<string, string>,
      status: number,
    ) => {
      const res = await call(route, headers)
      if (res.statusCode !== status) {
        refusals.push(`${route.method} ${route.url} ${who}: ${res.statusCode}, not ${status}`)
      }
    }
    const session = (s: ConsoleSession, csrf = true) => asSession(s, csrf)

    for (const route of guarded) {
      await expectStatus(route, 'without a session', {}, 401)
      await expectStatus(
        route,
        'with a kiosk token',
        { authorization: `Bearer ${kioskToken}` },
        401,
      )
      await expectStatus(
        route,
        'with a forged cookie',
        { cookie: 'ck_session=forged', 'x-csrf-token': admin.csrfToken },
        401,
      )
      if (route.access === 'admin') {
        await expectStatus(route, 'as an organiser', session(organiser), 403)
      }
      if (!['GET', 'HEAD'].includes(route.method)) {
        await expectStatus(route, 'as an admin without CSRF', session(admin, false), 403)
        await expectStatus(
          route,
          "as an admin with another session's CSRF",
          { cookie: admin.cookie, 'x-csrf-token': organiser.csrfToken },
          403,
        )
      }
    }

    expect(refusals).toEqual([])
    expect(await snapshot(ctx.db())).toBe(before)
  })
})
