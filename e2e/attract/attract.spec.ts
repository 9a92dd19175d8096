import type { Page } from '@playwright/test'
import { FOUNDING_PARTNERS } from '../../electron/shared/partners'
import { StaffPage } from '../staff/staff-page'
import { test, expect } from '../support/fixtures'
import { pageStrings } from '../support/locale-strings'

test('attract screen invites the visitor and names the founding partners', async ({ kiosk }) => {
  await expect(
    kiosk.getByRole('heading', { level: 1, name: 'Join the #CohesionAlliance' }),
  ).toBeVisible()
  await expect(kiosk.getByRole('button', { name: 'Sign the declaration' })).toBeVisible()
  const partners = kiosk.getByRole('region', { name: 'Founding partners' }).getByRole('listitem')
  await expect(partners).toHaveCount(7)
  await expect(partners.first()).toContainText('European Committee of the Regions')
})

/** The partners' names as the attract screen shows them in `language`: official, else their own. */
function partnerNamesIn(language: string): string[] {
  const strings = pageStrings(language)
  return FOUNDING_PARTNERS.map((p) => strings.get(`partners.${p.id}.name`) || p.name)
}

async function expectEachPartnerOnce(page: Page, language: string) {
  const region = page.getByRole('region', { name: pageStrings(language).get('attract.partners')! })
  for (const name of partnerNamesIn(language))
    await expect(region.getByText(name, { exact: true }), `${language}: ${name}`).toHaveCount(1)
  // Nobody is named twice, EUROCITIES included.
  const texts = await region.getByRole('listitem').allInnerTexts()
  const words = texts.flatMap((text) => text.split('\n').map((line) => line.trim()))
  expect(words.length, texts.join(' | ')).toBe(new Set(words).size)
}

test('the partners are named once each, in the visitor’s language where they have an official name', async ({
  kiosk,
}) => {
  await expectEachPartnerOnce(kiosk, 'en')
  await kiosk.getByRole('button', { name: 'Deutsch' }).click()
  await expectEachPartnerOnce(kiosk, 'de')
  const region = kiosk.getByRole('region', { name: 'Gründungspartner' })
  await expect(region).toContainText('Europäischer Ausschuss der Regionen')
  await expect(region).toContainText('Arbeitsgemeinschaft Europäischer Grenzregionen')
  await expect(region).not.toContainText('European Committee of the Regions')
  // Lithuanian has no official name for the associations: they keep their own.
  await kiosk.getByRole('button', { name: 'Lietuvių' }).click()
  await expectEachPartnerOnce(kiosk, 'lt')
  await expect(kiosk.getByText('Europos regionų komitetas', { exact: true })).toBeVisible()
  await expect(kiosk.getByText('Assembly of European Regions', { exact: true })).toBeVisible()
})

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const) {
  test.describe(`at ${size.width}×${size.height}, by touch`, () => {
    test.use({ hasTouch: true, viewport: size })

    test('no version or kiosk id for visitors, the partners once each, nothing cut off', async ({
      kiosk,
    }, testInfo) => {
      await expect(kiosk.getByRole('button', { name: 'Sign the declaration' })).toBeVisible()
      const text = await kiosk.locator('body').innerText()
      expect(text).not.toMatch(/v\d+\.\d+\.\d+|EWRC26|B01/)
      await expect(kiosk.getByTestId('kiosk-badge')).toHaveCount(0)
      await expectEachPartnerOnce(kiosk, 'en')
      // The whole screen fits: nothing to scroll, the partners' last line on screen.
      const fits = await kiosk
        .locator('main')
        .evaluate((main) => main.scrollHeight <= main.clientHeight)
      expect(fits).toBe(true)
      const partners = kiosk
        .getByRole('region', { name: 'Founding partners' })
        .getByRole('listitem')
      for (const partner of await partners.all()) await expect(partner).toBeInViewport({ ratio: 1 })
      // The content is spread over the height: the logo sits in the top fifth.
      const logo = await kiosk.locator('.attract__logo').boundingBox()
      expect(logo!.y).toBeLessThan(size.height / 5)
      await kiosk.getByRole('button', { name: 'Deutsch' }).tap()
      // German names are the longest: they too stay on screen, each inside its own column.
      expect(await kiosk.locator('main').evaluate((m) => m.scrollHeight <= m.clientHeight)).toBe(
        true,
      )
      for (const partner of await partners.all()) {
        await expect(partner).toBeInViewport({ ratio: 1 })
        const overflows = await partner.evaluate((item) => item.scrollWidth > item.clientWidth)
        expect(overflows, await partner.innerText()).toBe(false)
      }
      await kiosk.screenshot({
        path: testInfo.outputPath(`attract-de-${size.width}x${size.height}.png`),
      })
    })
  })
}

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

test('app:info reaches the page through the web host, shown to staff on the PIN screen', async ({
  kiosk,
}) => {
  await new StaffPage(kiosk).openPinScreen()
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
