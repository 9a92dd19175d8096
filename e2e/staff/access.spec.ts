import { test, expect } from '../support/fixtures'
import { openKiosk } from '../support/fixtures'
import { STAFF_PIN, StaffPage } from './staff-page'

test('first start sets a PIN; afterwards the PIN unlocks the console and Lock returns to the attract screen', async ({
  kiosk,
}) => {
  const staff = new StaffPage(kiosk)
  await staff.openPinScreen()
  await expect(kiosk.getByRole('heading', { name: 'Set the staff PIN' })).toBeVisible()
  await staff.typePin('1234')
  await expect(kiosk.getByRole('alert')).toHaveText('The PIN must be 6 to 12 digits.')
  await staff.typePin(STAFF_PIN)
  await staff.typePin('999999')
  await expect(kiosk.getByRole('alert')).toHaveText('The two PINs differ. Start again.')
  await staff.typePin(STAFF_PIN)
  await staff.typePin(STAFF_PIN)
  await expect(kiosk.getByRole('heading', { level: 1, name: /Staff console/ })).toBeVisible()

  await kiosk.getByRole('button', { name: 'Lock' }).click()
  await expect(
    kiosk.getByRole('heading', { level: 1, name: 'Join the #CohesionAlliance' }),
  ).toBeVisible()
  await staff.openPinScreen()
  await expect(kiosk.getByRole('heading', { name: 'Staff console' })).toBeVisible()
  await staff.typePin(STAFF_PIN)
  await expect(kiosk.getByRole('tab', { name: 'Signatures' })).toBeVisible()
})

test('five wrong PINs lock entry, even for the right PIN', async ({ kiosk }) => {
  const staff = new StaffPage(kiosk)
  await staff.open()
  await kiosk.getByRole('button', { name: 'Lock' }).click()
  await staff.openPinScreen()
  for (let left = 4; left >= 1; left--) {
    await staff.typePin('000000')
    await expect(kiosk.getByRole('alert')).toHaveText(
      `Wrong PIN. ${left} ${left === 1 ? 'attempt' : 'attempts'} left before entry is locked.`,
    )
  }
  await staff.typePin('000000')
  await expect(kiosk.getByRole('alert')).toHaveText(/Too many wrong PINs. Try again in \d+:\d\d\./)
  await staff.typePin(STAFF_PIN)
  await expect(kiosk.getByRole('alert')).toHaveText(/Too many wrong PINs/)
  await expect(kiosk.getByRole('tab', { name: 'Dashboard' })).toHaveCount(0)
})

test('the console locks itself after two idle minutes, and reload or Back never reopen it', async ({
  page,
  host,
}) => {
  await page.clock.install()
  await openKiosk(page, host)
  const staff = new StaffPage(page)
  await staff.open()
  await page.clock.fastForward(60_000)
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toBeVisible()
  await page.clock.fastForward(61_000)
  const attract = page.getByRole('heading', { level: 1, name: 'Join the #CohesionAlliance' })
  await expect(attract).toBeVisible()

  // Back after the lock: the page keeps its place (the app absorbs Back), the console stays shut.
  const lockedAt = page.url()
  await page.goBack()
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
  expect(page.url()).toBe(lockedAt)
  await expect(attract).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toHaveCount(0)

  await staff.openPinScreen()
  await staff.typePin('482913')
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toBeVisible()
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
  await expect(attract).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toHaveCount(0)
})

test('staff-only host methods refuse a locked console', async ({ kiosk, host }) => {
  const staff = new StaffPage(kiosk)
  await staff.open()
  await kiosk.getByRole('button', { name: 'Lock' }).click()
  const answer = await kiosk.evaluate(async (secret) => {
    const response = await fetch('/api/printTestPage', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { printerName: 'booth' } }),
    })
    return response.json() as Promise<{ ok: boolean; error?: { code: string } }>
  }, host.secret)
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'staff-locked' } })
})
