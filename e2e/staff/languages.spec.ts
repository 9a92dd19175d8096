/**
 * The staff console in the staff's own language, chosen in the console and kept by the kiosk,
 * independent of the visitor's: Polish (four plural forms), Irish (five) and German.
 */
import { sampleRecord } from '../../electron/shared/testing/sample-record'
import { test, expect, openKiosk } from '../support/fixtures'
import { hostValue } from '../support/host-api'
import { englishLeftIn, pageStrings } from '../support/locale-strings'
import { StaffPage } from './staff-page'

const staffStrings = (language: string) =>
  new Map(
    [...pageStrings(language)].filter(
      ([key]) => key.startsWith('staff.') || key.startsWith('sync.'),
    ),
  )

for (const language of ['pl', 'ga', 'de'] as const) {
  test(`${language}: the console speaks the staff's language, its plural forms included, and keeps it`, async ({
    page,
    host,
  }) => {
    const t = pageStrings(language)
    // Two signatures in the journal: the page restores them at start.
    await hostValue(
      host,
      'appendJournal',
      [1, 2].map((n) => ({ type: 'signature', record: sampleRecord(n) })),
    )
    await openKiosk(page, host)
    // The visitor's language is another one: the console must not follow it.
    await page.getByRole('button', { name: 'Français', exact: true }).click()
    const staff = new StaffPage(page)
    await staff.open()

    await page.getByRole('combobox', { name: 'Console language' }).selectOption(language)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      t.get('staff.console.title')!,
    )
    await expect(page.locator('html')).toHaveAttribute('lang', language)

    await page.getByRole('tab', { name: t.get('staff.console.tabs.signatures')! }).click()
    const category = new Intl.PluralRules(language).select(2)
    const twoSignatures = t.get(`staff.table.results_${category}`)!.replace('{{count}}', '2')
    await expect(page.getByText(twoSignatures, { exact: true })).toBeVisible()
    expect(englishLeftIn(await page.locator('body').innerText(), language, staffStrings)).toEqual(
      [],
    )

    await page.getByRole('tab', { name: t.get('staff.console.tabs.dashboard')! }).click()
    await expect(
      page.getByRole('tab', { name: t.get('staff.console.tabs.dashboard')!, selected: true }),
    ).toBeVisible()
    expect(englishLeftIn(await page.locator('body').innerText(), language, staffStrings)).toEqual(
      [],
    )

    // Locked and opened again after a reload, the console is still in that language, and the
    // visitor's screens are back in the visitor's default language.
    await page.getByRole('button', { name: t.get('staff.console.lock')! }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Join the #CohesionAlliance' }),
    ).toBeVisible()
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
    await page.keyboard.press('Control+Shift+S')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      t.get('staff.pin.unlockTitle')!,
    )
  })
}
