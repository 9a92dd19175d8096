import { test, expect } from '../support/fixtures'
import { openKiosk } from '../support/fixtures'
import { VisitorPage } from './visitor-page'

test('idle: a warning, then everything typed is wiped and the next visitor starts empty', async ({
  page,
  host,
}) => {
  await page.clock.install()
  await openKiosk(page, host)
  const visitor = new VisitorPage(page, 'fr')
  await visitor.start()
  await visitor.chooseCapacity('individual')
  await visitor.fillDetails({
    firstName: 'Sébastien',
    lastName: 'Dupont',
    email: 'seb@example.fr',
    countryName: 'France',
  })

  await page.clock.fastForward(59_000)
  await expect(page.getByRole('alertdialog')).toBeHidden()
  await page.clock.fastForward(2_000)
  const warning = page.getByRole('alertdialog', { name: 'Vous êtes toujours là ?' })
  await expect(warning).toBeVisible()
  await page.getByRole('button', { name: 'Je suis toujours là' }).click()
  await expect(warning).toBeHidden()
  await expect(page.getByLabel('Prénom')).toHaveValue('Sébastien')

  await page.clock.fastForward(61_000)
  await expect(warning).toBeVisible()
  await page.clock.fastForward(16_000)
  // Back on the attract screen, in the default language, with nothing of the visitor left.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Join the #CohesionAlliance' }),
  ).toBeVisible()
  await expect(page.locator('input')).toHaveCount(0)
  await expect(page.getByText('Sébastien')).toHaveCount(0)
  await page.goBack().catch(() => undefined)
  await expect(page.getByText('Sébastien')).toHaveCount(0)

  const next = new VisitorPage(page)
  await next.start()
  await next.chooseCapacity('individual')
  for (const label of ['First name', 'Last name', 'Email']) {
    await expect(page.getByLabel(label, { exact: true })).toHaveValue('')
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('autocomplete', 'off')
  }
  await expect(page.getByRole('button', { name: /Choose your country/ })).toBeVisible()
})

test('the thank-you screen returns to the attract screen after its shorter idle time', async ({
  page,
  host,
}) => {
  await page.clock.install()
  await openKiosk(page, host)
  const visitor = new VisitorPage(page)
  await visitor.signUpToReview({ firstName: 'Eva', lastName: 'Novák', countryName: 'Czechia' })
  await visitor.confirm()
  await page.clock.fastForward(21_000)
  await expect(page.getByRole('alertdialog')).toBeVisible()
  await expect(page.getByRole('alertdialog')).toContainText('Thank you! This screen closes in')
  await expect(page.getByRole('alertdialog')).not.toContainText('cleared')
  await page.clock.fastForward(16_000)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Join the #CohesionAlliance' }),
  ).toBeVisible()
  await expect(page.getByText('EWRC26-B01-000001')).toHaveCount(0)
})
