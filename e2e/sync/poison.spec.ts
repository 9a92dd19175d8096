import { expect, test } from '../support/fixtures'
import { StaffPage } from '../staff/staff-page'
import {
  kioskRows,
  registeredTotal,
  registerVerifies,
  seedSignatures,
  syncStates,
  type KioskBatch,
  type KioskSignature,
} from './sync-kiosk'
import { SYNC_TEST_TIMEOUT_MS, withSyncingKiosk } from './sync-setup'

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS })

test('one record the register fails on (500) is set aside with the reason; all the others arrive exactly once', async ({
  page,
  host,
}) => {
  await withSyncingKiosk({ page, host }, { proxy: { holdBatchAnswers: false } }, async (setup) => {
    const proxy = setup.proxy!
    // seedSignatures numbers the records from 501: the 8th is the one the register cannot take.
    const poisoned = 'EWRC26-B01-000508'
    proxy.failBatchesContaining = poisoned
    const seeded = await seedSignatures(page, 12)
    expect(seeded.map((r) => r.certificateNo)).toContain(poisoned)

    await expect
      .poll(() => syncStates(page), { timeout: 90_000 })
      .toEqual({ synced: 11, rejected: 1 })
    expect(proxy.failedBatches).toBeGreaterThanOrEqual(3)

    // The register holds the other eleven, once each, and not the poisoned one.
    expect(await registeredTotal(setup.register)).toBe(11)
    for (const record of seeded) {
      const { status } = await registerVerifies(setup.register, record.certificateNo)
      expect(status, record.certificateNo).toBe(
        record.certificateNo === poisoned ? 'unknown' : 'valid',
      )
    }
    // On the kiosk: every other record went out in exactly one answered batch.
    const signatures = await kioskRows<KioskSignature>(page, 'signatures')
    const bad = signatures.find((s) => s.certificateNo === poisoned)!
    expect(bad.syncState).toBe('rejected')
    const done = (await kioskRows<KioskBatch>(page, 'batches'))
      .filter((b) => b.state === 'done')
      .flatMap((b) => b.recordIds)
    expect(done.sort()).toEqual(
      signatures
        .filter((s) => s.id !== bad.id)
        .map((s) => s.id)
        .sort(),
    )

    // Staff see the one rejected, with the register's reason.
    await new StaffPage(page).open()
    const rejections = page.getByTestId('sync-rejections')
    await expect(
      rejections.getByRole('heading', { name: /Rejected by the register \(1\)/ }),
    ).toBeVisible()
    const row = rejections.getByRole('row').filter({ hasText: poisoned })
    await expect(row).toContainText('500')
    await expect(row).toContainText('invalid byte sequence')
  })
})
