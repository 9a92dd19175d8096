/**
 * The country dialog on the touch screen: the on-screen keyboard opens above the modal dialog,
 * taps on its keys type into the search, and the list keeps room for several rows of countries.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect } from '../support/fixtures'
import { visitorStrings } from '../support/locale-strings'

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const

/** The keyboard of `language` and its keys, by what a screen reader announces. */
function onScreenKeyboard(page: Page, language: string) {
  const t = visitorStrings(language)
  const keyboard = page.getByRole('group', { name: t.get('keyboard.keyboard')! })
  const key = (name: string) => keyboard.getByRole('button', { name, exact: true })
  return {
    keyboard,
    key,
    /** Taps each letter's key in turn (lower-case letters on the letters layer). */
    async tap(text: string) {
      for (const char of text) await key(char).tap()
    },
  }
}

/** Whether a tap at the element's centre reaches the element itself (nothing covers it). */
const tappable = (locator: Locator) =>
  locator.evaluate((element) => {
    const rect = element.getBoundingClientRect()
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2)
    return hit !== null && (hit === element || element.contains(hit))
  })

/** How many rows of country buttons the list shows whole, between its top and bottom edge. */
const visibleRows = (list: Locator) =>
  list.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const tops = new Set<number>()
    for (const option of element.querySelectorAll('.country-option')) {
      const rect = option.getBoundingClientRect()
      if (rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1) tops.add(Math.round(rect.top))
    }
    return tops.size
  })

/** From the attract screen to the details form, in `language`, by taps. */
async function openDetails(page: Page, language: string) {
  const t = visitorStrings(language)
  await page.getByRole('button', { name: t.get('languageName')!, exact: true }).tap()
  await page.getByRole('button', { name: t.get('attract.start')! }).tap()
  await page.getByRole('button', { name: new RegExp(t.get('capacity.individual')!) }).tap()
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}, by touch`, () => {
    test.use({ hasTouch: true, viewport: size })

    test('the keyboard opens above the country dialog and its keys type into the search', async ({
      kiosk,
    }, testInfo) => {
      const t = visitorStrings('en')
      await openDetails(kiosk, 'en')
      await kiosk.getByRole('button', { name: new RegExp(t.get('details.chooseCountry')!) }).tap()
      const dialog = kiosk.getByRole('dialog', { name: t.get('details.chooseCountry')! })
      const search = dialog.getByRole('searchbox', { name: t.get('details.countrySearch')! })
      await search.tap()
      const osk = onScreenKeyboard(kiosk, 'en')
      await expect(osk.keyboard).toBeVisible()
      // The keys are reached by a tap, not the backdrop or the dialog's Close button.
      for (const name of ['n', 'o', 'r', 'w'])
        expect(await tappable(osk.key(name)), name).toBe(true)
      const list = dialog.locator('.country-list')
      expect(await visibleRows(list)).toBeGreaterThanOrEqual(8)
      await kiosk.screenshot({
        path: testInfo.outputPath(`country-dialog-keyboard-${size.width}x${size.height}.png`),
      })

      await osk.tap('norw')
      await expect(search).toHaveValue('norw')
      await expect(search).toBeFocused()
      const norway = dialog.getByRole('button', { name: 'Norway', exact: true })
      await expect(norway).toBeVisible()
      expect(await tappable(norway)).toBe(true)
      await kiosk.screenshot({
        path: testInfo.outputPath(`country-dialog-found-${size.width}x${size.height}.png`),
      })
      await norway.tap()
      await expect(dialog).toBeHidden()
      await expect(
        kiosk.getByRole('button', { name: new RegExp(t.get('details.country')!) }),
      ).toContainText('Norway')
    })
  })
}

test.describe('in the visitor’s language', () => {
  test.use({ hasTouch: true, viewport: { width: 1080, height: 1920 } })

  test('a German visitor finds Switzerland by its German name, typed on the keyboard', async ({
    kiosk,
  }) => {
    const t = visitorStrings('de')
    await openDetails(kiosk, 'de')
    await kiosk.getByRole('button', { name: new RegExp(t.get('details.chooseCountry')!) }).tap()
    const dialog = kiosk.getByRole('dialog', { name: t.get('details.chooseCountry')! })
    const search = dialog.getByRole('searchbox', { name: t.get('details.countrySearch')! })
    await search.tap()
    const osk = onScreenKeyboard(kiosk, 'de')
    await osk.tap('schw')
    await expect(search).toHaveValue('schw')
    const options = dialog.getByRole('button', { name: /^Schw/ })
    // Schweden (an EU Member State) and Schweiz: the names the list shows, in German.
    await expect(options).toHaveText(['Schweden', 'Schweiz'])
    // "Done" hides the keyboard and leaves the results; it never sends the details form behind.
    await osk.key(visitorStrings('de').get('keyboard.done')!).tap()
    await expect(osk.keyboard).toBeHidden()
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Schweiz', exact: true }).tap()
    await expect(dialog).toBeHidden()
    await expect(
      kiosk.getByRole('button', { name: new RegExp(t.get('details.country')!) }),
    ).toContainText('Schweiz')
    await expect(
      kiosk.getByLabel(t.get('details.firstName')!, { exact: true }),
    ).not.toHaveAttribute('aria-invalid', 'true')
  })
})
