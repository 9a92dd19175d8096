import { startRegister } from '../../register/testing/start-register'
import { expect, openKiosk, test } from '../support/fixtures'
import { StaffPage } from '../staff/staff-page'
import { VisitorPage } from '../visitor/visitor-page'
import {
  connectKiosk,
  expectExactlyOnce,
  kioskRows,
  registeredTotal,
  seedSignatures,
  setRegisterToken,
  syncStates,
  useShortSyncTimings,
  type KioskBatch,
} from './sync-kiosk'

// Each test starts a register process and a kiosk host: slower than a plain UI test on 2 cores.
test.describe.configure({ timeout: 150_000 })

test('a revoked token stops sending and says why; nothing is lost; a new token lets it all through', async ({
  page,
  host,
}) => {
  const register = await startRegister()
  try {
    await connectKiosk(host, register.url, register.tokens.B01)
    await register.revokeTokens('B01')
    await useShortSyncTimings(page)
    await openKiosk(page, host)

    const visitor = new VisitorPage(page)
    await visitor.signUpToReview({
      firstName: 'Kalinka',
      lastName: 'Petrova',
      email: 'kalinka@example.bg',
      countryName: 'Bulgaria',
    })
    const certificateNos = [await visitor.confirm()]
    certificateNos.push(...(await seedSignatures(page, 5)).map((r) => r.certificateNo))

    // The refusal is kept where staff see it (the sync panel reads these), the records stay.
    await expect
      .poll(async () => (await kioskRows<KioskBatch>(page, 'batches')).map((b) => b.state))
      .toEqual(['stopped'])
    const [batch] = await kioskRows<KioskBatch>(page, 'batches')
    expect(batch).toMatchObject({ lastStatus: 401 })
    expect(batch!.lastError).toMatch(/refused this kiosk's token \(401\).*new token/)
    const lastError = (
      await kioskRows<{ key: string; value: { message: string; stopped: boolean } }>(page, 'meta')
    ).find((m) => m.key === 'sync.lastError')
    expect(lastError?.value).toMatchObject({ stopped: true })
    expect(lastError?.value.message).toMatch(/Unknown or revoked kiosk token/)
    expect(await syncStates(page)).toEqual({ pending: 6 })
    expect(await registeredTotal(register)).toBe(0)

    // Staff see it on the dashboard, in words.
    await new StaffPage(page).open()
    const panel = page.getByTestId('sync-panel')
    await expect(panel.getByTestId('sync-safe')).toHaveText(
      'Safe to switch off: No — 6 signatures not yet sent',
    )
    await expect(panel.getByTestId('sync-last-error')).toContainText(
      "The register refused this kiosk's token (401): Unknown or revoked kiosk token.",
    )
    await expect(panel.getByRole('alert')).toContainText('Sending is stopped')

    // Staff enter a new token; the engine notices the change and sends the same batch again.
    const fresh = await register.createToken('B01')
    await setRegisterToken(host, fresh)
    await expect(panel.getByTestId('sync-safe')).toHaveText(
      'Safe to switch off: Yes — every signature and withdrawal has reached the register.',
      { timeout: 30_000 },
    )
    await expect(panel.getByTestId('sync-synced')).toHaveText('6')
    await expect(panel.getByTestId('sync-last-error')).toHaveText('None')
    expect(await syncStates(page)).toEqual({ synced: 6 })
    await expectExactlyOnce(page, register, certificateNos)
    // The refused batch was resent, not replaced (how many batches the seeded records needed
    // depends on when the engine woke up).
    const batches = await kioskRows<KioskBatch>(page, 'batches')
    expect(batches.find((b) => b.id === batch!.id)).toMatchObject({ state: 'done', attempts: 2 })
    expect(batches.every((b) => b.state === 'done')).toBe(true)
  } finally {
    await register.dispose()
  }
})
