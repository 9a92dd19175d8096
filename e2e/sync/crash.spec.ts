import { startRegister } from '../../register/testing/start-register'
import { expect, openKiosk, test } from '../support/fixtures'
import { startWebHost } from '../support/web-host'
import {
  FaultProxy,
  connectKiosk,
  expectExactlyOnce,
  kioskRows,
  registeredTotal,
  seedSignatures,
  syncStates,
  useShortSyncTimings,
  type KioskBatch,
} from './sync-kiosk'

// Each test starts a register process and a kiosk host: slower than a plain UI test on 2 cores.
test.describe.configure({ timeout: 150_000 })

test('the kiosk is killed mid-send and restarted: the stored batch is sent again, exactly once', async ({
  page,
  host,
}) => {
  const register = await startRegister()
  const proxy = await FaultProxy.start(() => register.url)
  let restarted: Awaited<ReturnType<typeof startWebHost>> | null = null
  try {
    await connectKiosk(host, proxy.url, register.tokens.B01)
    proxy.holdBatchAnswers = true
    await useShortSyncTimings(page)
    await openKiosk(page, host)
    const seeded = await seedSignatures(page, 20)

    // The register has committed the batch; its answer is on the way when the kiosk dies.
    expect(await proxy.answerHeld).toBe(200)
    expect(await registeredTotal(register)).toBe(20)
    expect(await syncStates(page)).toEqual({ pending: 20 })
    await host.stop('SIGKILL')
    proxy.holdBatchAnswers = false

    // Same data folder and port (so the same browser storage), a new process and secret.
    restarted = await startWebHost({
      dataDir: host.dataDir,
      port: Number(new URL(host.origin).port),
    })
    // A fresh load: the new URL differs only in its fragment (the secret), which alone would
    // not reload the page.
    await page.goto('about:blank')
    await openKiosk(page, restarted)
    await expect.poll(() => syncStates(page), { timeout: 30_000 }).toEqual({ synced: 20 })
    const batches = await kioskRows<KioskBatch>(page, 'batches')
    expect(batches).toHaveLength(1)
    expect(batches[0]).toMatchObject({ state: 'done' })
    expect(batches[0]!.attempts).toBeGreaterThanOrEqual(2)
    await expectExactlyOnce(
      page,
      register,
      seeded.map((r) => r.certificateNo),
    )
  } finally {
    await restarted?.stop()
    await proxy.close()
    await register.dispose()
  }
})
