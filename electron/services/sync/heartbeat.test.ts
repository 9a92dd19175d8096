import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { buildApp } from '../../../register/src/app'
import type { Db } from '../../../register/src/db/db'
import { migrate } from '../../../register/src/db/migrate'
import { openPglite } from '../../../register/src/db/pglite'
import { createToken } from '../../../register/src/tokens'
import { APP_VERSION } from '../app-version'
import { dispatch } from '../dispatch'
import { openKioskServices } from '../kiosk-services'
import { silentLog, useTempDirs } from '../testing/temp-dir'

const tempDir = useTempDirs()
let db: Db
let app: FastifyInstance
let url: string
beforeAll(async () => {
  db = await openPglite()
  await migrate(db)
  app = await buildApp({ db })
  await app.listen({ port: 0, host: '127.0.0.1' })
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}, 60_000)
afterAll(async () => {
  await app.close()
  await db.close()
})
beforeEach(async () => {
  await db.exec('TRUNCATE kiosk_heartbeats, kiosk_tokens RESTART IDENTITY CASCADE')
})

/** Kiosk B01's handlers pointed at the register, with the given token. */
async function kioskWith(token: string) {
  const services = await openKioskServices({
    dataDir: await tempDir(),
    runtime: 'web',
    log: silentLog,
  })
  expect((await dispatch(services.api, 'setStaffPin', { pin: '482913' }, silentLog)).ok).toBe(true)
  await services.settings.update({ registerUrl: url, kioskId: 'B01' })
  await services.settings.setSecret('registerToken', token)
  return services.api
}

const heartbeats = () =>
  db.query<{ kiosk_id: string; pending_count: number; app_version: string }>(
    'SELECT kiosk_id, pending_count, app_version FROM kiosk_heartbeats',
  )

it('sends a heartbeat with the pending count and app version when the health check is given one', async () => {
  const handlers = await kioskWith(await createToken(db, 'B01'))

  const answer = await dispatch(handlers, 'checkRegister', { pendingCount: 12 }, silentLog)

  expect(answer).toMatchObject({ ok: true, value: { state: 'ok' } })
  expect(await heartbeats()).toEqual([
    { kiosk_id: 'B01', pending_count: 12, app_version: APP_VERSION },
  ])
})

it('sends none without a pending count, and refuses a bad one before anything is sent', async () => {
  const handlers = await kioskWith(await createToken(db, 'B01'))

  expect(await dispatch(handlers, 'checkRegister', undefined, silentLog)).toMatchObject({
    ok: true,
  })
  const bad = await dispatch(handlers, 'checkRegister', { pendingCount: -1 }, silentLog)
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  expect(await heartbeats()).toEqual([])
})

it("keeps the health answer when the register refuses the heartbeat (another kiosk's token)", async () => {
  const handlers = await kioskWith(await createToken(db, 'B02'))

  const answer = await dispatch(handlers, 'checkRegister', { pendingCount: 3 }, silentLog)

  expect(answer).toMatchObject({ ok: true, value: { state: 'ok' } })
  expect(await heartbeats()).toEqual([])
})
