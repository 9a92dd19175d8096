import AxeBuilder from '@axe-core/playwright'
import { startRegister } from '../../register/testing/start-register'
import { expect, openKiosk, test } from '../support/fixtures'
import { startWebHost } from '../support/web-host'
import { StaffPage } from '../staff/staff-page'
import { VisitorPage, type Person } from '../visitor/visitor-page'
import {
  connectKiosk,
  kioskRows,
  registeredTotal,
  registerVerifies,
  syncStates,
  useShortSyncTimings,
  type KioskSignature,
} from './sync-kiosk'

// Each test starts a register process and a kiosk host: slower than a plain UI test on 2 cores.
test.describe.configure({ timeout: 150_000 })

const person: Person = {
  firstName: 'Eleni',
  lastName: 'Georgiou',
  email: 'eleni.georgiou@example.cy',
  countryName: 'Cyprus',
}

test('the same person signs at two kiosks: one accepted, one duplicate naming the first, both kept', async ({
  page,
  host,
  browser,
}) => {
  const register = await startRegister({ kiosks: ['B01', 'B02'] })
  const hostB = await startWebHost()
  const contextB = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  try {
    await connectKiosk(host, register.url, register.tokens.B01, 'B01')
    await connectKiosk(hostB, register.url, register.tokens.B02, 'B02')
    const pageB = await contextB.newPage()
    await useShortSyncTimings(page)
    await useShortSyncTimings(pageB)
    await openKiosk(page, host)
    await openKiosk(pageB, hostB)

    const atA = new VisitorPage(page)
    await atA.signUpToReview(person)
    const first = await atA.confirm()
    expect(first).toBe('EWRC26-B01-000001')
    await expect.poll(() => syncStates(page), { timeout: 30_000 }).toEqual({ synced: 1 })

    const atB = new VisitorPage(pageB)
    await atB.signUpToReview({ ...person, email: ' Eleni.Georgiou@Example.CY ' })
    const second = await atB.confirm()
    expect(second).toBe('EWRC26-B02-000001')
    await expect.poll(() => syncStates(pageB), { timeout: 30_000 }).toEqual({ duplicate: 1 })

    const [atKioskB] = await kioskRows<KioskSignature>(pageB, 'signatures')
    expect(atKioskB).toMatchObject({
      certificateNo: second,
      syncState: 'duplicate',
      syncNote: first,
    })
    expect(atKioskB!.syncedAt).not.toBeNull()
    const [atKioskA] = await kioskRows<KioskSignature>(page, 'signatures')
    expect(atKioskA).toMatchObject({ certificateNo: first, syncState: 'synced' })

    // Both kiosks' staff see it: B lists the duplicate with A's number, A counts it as sent.
    // The staff shortcut works from any screen (A's thank-you screen may have timed out by now).
    await new StaffPage(pageB).open()
    const duplicates = pageB.getByTestId('sync-duplicates')
    await expect(
      duplicates.getByRole('row', { name: new RegExp(second) }).getByRole('cell'),
    ).toHaveText([second, 'Eleni Georgiou', `Already registered as ${first}`])
    await expect(pageB.getByTestId('sync-duplicate')).toHaveText('1')
    const axe = await new AxeBuilder({ page: pageB })
      .include('[data-testid="sync-panel"]')
      .analyze()
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help}`),
    ).toEqual([])
    await new StaffPage(page).open()
    await expect(page.getByTestId('sync-synced')).toHaveText('1')
    await expect(page.getByTestId('sync-safe')).toContainText('Safe to switch off: Yes')

    expect(await registeredTotal(register)).toBe(1)
    expect((await registerVerifies(register, first)).status).toBe('valid')
    // The duplicate's certificate (printed at the booth) verifies as the endorsement it repeats.
    expect(await registerVerifies(register, second)).toMatchObject({
      status: 'valid',
      registeredUnder: first,
    })
  } finally {
    await contextB.close()
    await hostB.stop()
    await register.dispose()
  }
})
