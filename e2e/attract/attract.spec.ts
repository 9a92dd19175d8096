import { test, expect } from '../support/fixtures'

test('attract screen invites the visitor and names the founding partners', async ({ kiosk }) => {
  await expect(
    kiosk.getByRole('heading', { level: 1, name: 'Join the #CohesionAlliance' }),
  ).toBeVisible()
  await expect(kiosk.getByRole('button', { name: 'Sign the declaration' })).toBeVisible()
  const partners = kiosk.getByRole('region', { name: 'Founding partners' }).getByRole('listitem')
  await expect(partners).toHaveCount(7)
  await expect(partners.first()).toContainText('European Committee of the Regions')
})

test('language switch changes the visible text', async ({ kiosk }) => {
  await kiosk.getByRole('button', { name: 'Français' }).click()
  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(
    'Rejoignez la #CohesionAlliance',
  )
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'fr')
  await kiosk.getByRole('button', { name: 'Deutsch' }).click()
  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(
    'Treten Sie der #CohesionAlliance bei',
  )
  await expect(kiosk.getByRole('button', { name: 'Deutsch' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
})

test('app:info reaches the page through the web host', async ({ kiosk }) => {
  await expect(kiosk.getByTestId('kiosk-badge')).toHaveText(/^EWRC26 · B01 · v\d+\.\d+\.\d+ · web$/)
  // The secret moved from the address into the tab's storage.
  expect(new URL(kiosk.url()).hash).toBe('')
})

test('the page cannot call the host API without the per-launch secret', async ({ page, host }) => {
  await page.goto(host.origin)
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/getAppInfo', { method: 'POST', body: '{}' })
    return response.status
  })
  expect(status).toBe(401)
  await expect(page.getByRole('alert')).toContainText('Something went wrong')
})
