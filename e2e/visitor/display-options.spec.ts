/**
 * The visitor's text size and high contrast (what zoom gives elsewhere): at the largest size with
 * high contrast, in the longest languages and both orientations, every screen keeps its layout
 * (nothing sideways, cut or on top of something else), its controls in reach and no serious axe
 * finding; the idle wipe brings the standard display back, and the staff screens never take it.
 */
import type { Page, TestInfo } from '@playwright/test'
import { seriousViolations } from '../support/axe'
import { test, expect } from '../support/fixtures'
import { layoutProblems } from '../support/layout'
import { visitorStrings } from '../support/locale-strings'
import { typeOnKeyboard } from '../support/on-screen-keyboard'

test.use({ hasTouch: true })
// Ten screens, each measured, scanned by axe and photographed, and two names typed key by key:
// longer than the languages spec's six screens (180 s there).
test.describe.configure({ timeout: 300_000 })

const PEOPLE: Record<'de' | 'fi' | 'el' | 'ga', { first: string; last: string; country: string }> =
  {
    de: { first: 'Ännchen', last: 'Großmann', country: 'DE' },
    fi: { first: 'Väinö', last: 'Kärkkäinen', country: 'FI' },
    el: { first: 'Αλεξάνδρα', last: 'Χατζηγεωργίου', country: 'GR' },
    ga: { first: 'Éabha', last: 'Ó Súilleabháin', country: 'IE' },
  }

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]

/** Opens the display control and picks the largest text and high contrast, by taps. */
async function chooseLargestHighContrast(page: Page, t: Map<string, string>) {
  await page.getByRole('button', { name: t.get('display.open')! }).tap()
  const dialog = page.getByRole('dialog', { name: t.get('display.title')! })
  await dialog.getByRole('radio', { name: t.get('display.sizes.largest')! }).tap()
  await dialog.getByRole('switch', { name: t.get('display.contrast')! }).tap()
  await expect(dialog.getByRole('radio', { name: t.get('display.sizes.largest')! })).toBeChecked()
  await expect(dialog.getByRole('switch', { name: t.get('display.contrast')! })).toBeChecked()
  return dialog
}

async function expectDisplay(page: Page, size: string | null, contrast: string | null) {
  const html = page.locator('html')
  if (size) await expect(html).toHaveAttribute('data-text-size', size)
  else await expect(html).not.toHaveAttribute('data-text-size', /.*/)
  if (contrast) await expect(html).toHaveAttribute('data-contrast', contrast)
  else await expect(html).not.toHaveAttribute('data-contrast', /.*/)
}

for (const viewport of VIEWPORTS) {
  for (const language of ['de', 'fi', 'el', 'ga'] as const) {
    test(`${language} ${viewport.width}×${viewport.height}: every screen holds at the largest text in high contrast`, async ({
      kiosk,
    }, testInfo) => {
      await kiosk.setViewportSize(viewport)
      const t = visitorStrings(language)
      const next = new RegExp(`^${t.get('flow.next')!}`)
      const problems: string[] = []
      let shot = 0
      const check = async (screen: string, keyControls: (string | RegExp)[] = []) => {
        // Measured as the screen first shows; a taller one scrolls under the corner control.
        await kiosk.evaluate(() =>
          document.querySelectorAll('.screen').forEach((s) => s.scrollTo(0, 0)),
        )
        for (const line of await layoutProblems(kiosk)) problems.push(`${screen}: ${line}`)
        for (const line of await seriousViolations(kiosk)) problems.push(`${screen}: axe: ${line}`)
        await screenshot(kiosk, testInfo, `${String(++shot).padStart(2, '0')}-${screen}`)
        for (const name of keyControls) {
          const control = kiosk.getByRole('button', { name }).first()
          await control.scrollIntoViewIfNeeded()
          await expect(control, `${screen}: ${String(name)}`).toBeInViewport()
        }
      }

      await kiosk.getByRole('button', { name: t.get('languageName')!, exact: true }).tap()
      const dialog = await chooseLargestHighContrast(kiosk, t)
      await check('display-dialog', [t.get('display.done')!, t.get('display.reset')!])
      await dialog.getByRole('button', { name: t.get('display.done')! }).tap()
      await expect(dialog).toBeHidden()
      await expectDisplay(kiosk, 'largest', 'high')
      await check('attract', [t.get('attract.start')!, t.get('display.open')!])

      await kiosk.getByRole('button', { name: t.get('attract.start')! }).tap()
      await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('capacity.title')!)
      await check('capacity', [t.get('flow.startOver')!, t.get('display.open')!])
      await kiosk.getByRole('button', { name: new RegExp(t.get('capacity.individual')!) }).tap()

      const person = PEOPLE[language]
      const firstName = kiosk.getByLabel(t.get('details.firstName')!, { exact: true })
      await firstName.tap()
      await typeOnKeyboard(kiosk, language, person.first)
      await kiosk.getByLabel(t.get('details.lastName')!, { exact: true }).tap()
      await typeOnKeyboard(kiosk, language, person.last)
      await expect(firstName).toHaveValue(person.first)
      await check('details-keyboard', [next])
      const countryName = await kiosk.evaluate(
        ([lang, code]) => new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code,
        [language, person.country] as const,
      )
      await kiosk.getByRole('button', { name: new RegExp(t.get('details.chooseCountry')!) }).tap()
      const countries = kiosk.getByRole('dialog', { name: t.get('details.chooseCountry')! })
      await countries
        .getByRole('searchbox', { name: t.get('details.countrySearch')! })
        .fill(countryName.slice(0, 3))
      await check('country-picker')
      await countries.getByRole('button', { name: countryName, exact: true }).tap()
      await expect(countries).toBeHidden()
      const hide = kiosk.getByRole('button', { name: t.get('keyboard.hide')! })
      if (await hide.isVisible()) await hide.tap()
      await check('details', [next, `← ${t.get('flow.back')!}`])
      await kiosk.getByRole('button', { name: next }).tap()

      await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('principles.title')!)
      await check('principles', [next])
      await kiosk.getByRole('checkbox', { name: t.get('principles.endorse')! }).tap()
      await expect(
        kiosk.getByRole('checkbox', { name: t.get('principles.endorse')! }),
      ).toBeChecked()
      await kiosk.getByRole('button', { name: next }).tap()

      await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('signature.title')!)
      const pad = kiosk.locator('canvas.signature-pad')
      await expect(pad).toBeInViewport()
      const box = (await pad.boundingBox())!
      await kiosk.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6)
      await kiosk.mouse.down()
      for (let i = 1; i <= 10; i++)
        await kiosk.mouse.move(
          box.x + box.width * (0.2 + i * 0.06),
          box.y + box.height * (i % 2 ? 0.4 : 0.7),
          { steps: 3 },
        )
      await kiosk.mouse.up()
      await check('signature', [next])
      await kiosk.getByRole('button', { name: next }).tap()

      await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('review.title')!)
      await check('review', [t.get('review.confirm')!])
      await kiosk.getByRole('button', { name: t.get('review.confirm')! }).tap()
      await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('thanks.title')!)
      await check('thanks', [t.get('thanks.done')!, t.get('display.open')!])
      await expectDisplay(kiosk, 'largest', 'high')
      expect(problems).toEqual([])
    })
  }
}

for (const viewport of VIEWPORTS) {
  test(`${viewport.width}×${viewport.height}: the attract screen holds with the control at every size`, async ({
    kiosk,
  }) => {
    await kiosk.setViewportSize(viewport)
    const t = visitorStrings('ga')
    await kiosk.getByRole('button', { name: t.get('languageName')!, exact: true }).tap()
    const problems: string[] = []
    for (const size of ['standard', 'large', 'largest'] as const) {
      await kiosk.getByRole('button', { name: t.get('display.open')! }).tap()
      const dialog = kiosk.getByRole('dialog', { name: t.get('display.title')! })
      await dialog.getByRole('radio', { name: t.get(`display.sizes.${size}`)! }).tap()
      await dialog.getByRole('button', { name: t.get('display.done')! }).tap()
      await expect(dialog).toBeHidden()
      await expectDisplay(kiosk, size === 'standard' ? null : size, null)
      await kiosk.evaluate(() => document.querySelector('.screen')?.scrollTo(0, 0))
      for (const line of await layoutProblems(kiosk)) problems.push(`${size}: ${line}`)
    }
    expect(problems).toEqual([])
  })
}

test('the idle wipe brings back the standard display, and so does idling on the attract screen', async ({
  kiosk,
}) => {
  await kiosk.clock.install()
  await kiosk.reload()
  await expect(kiosk.locator('html')).toHaveAttribute('data-app-state', 'ready')
  const t = visitorStrings('en')
  const dialog = await chooseLargestHighContrast(kiosk, t)
  await dialog.getByRole('button', { name: 'Done' }).tap()
  await kiosk.getByRole('button', { name: 'Sign the declaration' }).tap()
  await expect(kiosk.getByRole('heading', { level: 1, name: 'How are you signing?' })).toBeVisible()
  await expectDisplay(kiosk, 'largest', 'high')

  await kiosk.clock.fastForward(61_000)
  await expect(kiosk.getByRole('alertdialog')).toBeVisible()
  await expectDisplay(kiosk, 'largest', 'high')
  await kiosk.clock.fastForward(16_000)
  await expect(
    kiosk.getByRole('heading', { level: 1, name: 'Join the #CohesionAlliance' }),
  ).toBeVisible()
  await expectDisplay(kiosk, null, null)
  await kiosk.getByRole('button', { name: 'Text size & contrast' }).tap()
  await expect(kiosk.getByRole('radio', { name: 'Standard' })).toBeChecked()
  await expect(kiosk.getByRole('switch', { name: 'High contrast' })).not.toBeChecked()

  // Chosen on the attract screen, then walked away from: no flow runs, the attract screen resets it.
  await kiosk.getByRole('radio', { name: /^Large / }).tap()
  await kiosk.getByRole('button', { name: 'Done' }).tap()
  await expectDisplay(kiosk, 'large', null)
  await kiosk.clock.fastForward(59_000)
  await expectDisplay(kiosk, 'large', null)
  await kiosk.clock.fastForward(2_000)
  await expectDisplay(kiosk, null, null)
})

test('the staff screens keep the standard display whatever a visitor chose', async ({ kiosk }) => {
  const t = visitorStrings('en')
  const dialog = await chooseLargestHighContrast(kiosk, t)
  await dialog.getByRole('button', { name: 'Done' }).tap()
  await expectDisplay(kiosk, 'largest', 'high')
  await kiosk.keyboard.press('Control+Shift+S')
  await expect(kiosk.getByRole('heading', { level: 1 })).not.toHaveText(
    'Join the #CohesionAlliance',
  )
  await expectDisplay(kiosk, null, null)
  const rootSize = await kiosk.evaluate(() => getComputedStyle(document.documentElement).fontSize)
  expect(parseFloat(rootSize)).toBeLessThanOrEqual(26)
})

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}
