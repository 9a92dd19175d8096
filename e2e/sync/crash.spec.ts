import { expect, openKiosk, test } from '../support/fixtures'
import { startWebHost, type WebHostProcess } from '../support/web-host'
import {
  expectExactlyOnce,
  kioskRows,
  registeredTotal,
  seedSignatures,
  syncStates,
  type KioskBatch,
} from './sync-kiosk'
import { SYNC_TEST_TIMEOUT_MS, withSyncingKiosk } from './sync-setup'

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS })

test('the kiosk is killed mid-send and restarted: the stored batch is sent again, exactly once', async ({
  page,
  host,
}) => {
  await withSyncingKiosk(
    { page, host },
    { proxy: { holdBatchAnswers: true } },
    async ({ register, proxy }) => {
      if (!proxy) throw new Error('the set-up has no proxy')
      let restarted: WebHostProcess | null = null
      try {
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
      }
    },
  )
})
