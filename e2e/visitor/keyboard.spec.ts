import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from '../support/fixtures'

const START = {
  en: 'Sign the declaration',
  fr: 'Signer la déclaration',
  de: 'Erklärung unterzeichnen',
}
const INDIVIDUAL = { en: 'In my own name', fr: 'En mon nom propre', de: 'In meinem eigenen Namen' }
const LANGUAGE = { en: 'English', fr: 'Français', de: 'Deutsch' }
const KEYBOARD = { en: 'On-screen keyboard', fr: 'Clavier à l’écran', de: 'Bildschirmtastatur' }

/** From the attract screen to the visitor details form, by the buttons a visitor taps. */
async function openDetailsForm(page: Page, lang: 'en' | 'fr' | 'de' = 'en') {
  await page.getByRole('button', { name: LANGUAGE[lang] }).click()
  await page.getByRole('button', { name: START[lang] }).click()
  await page.getByRole('button', { name: INDIVIDUAL[lang] }).click()
}

/** The on-screen keyboard and its keys, found by what a screen reader announces. */
function onScreenKeyboard(page: Page, lang: 'en' | 'fr' | 'de' = 'en') {
  const keyboard = page.getByRole('group', { name: KEYBOARD[lang] })
  const key = (name: string) => keyboard.getByRole('button', { name, exact: true })
  return {
    keyboard,
    key,
    /** Taps each character's key in turn. */
    async tap(text: string) {
      for (const char of text) await key(char === ' ' ? 'Space' : char).click()
    },
    /** Holds a key until its accents pop up, lets go, then taps the variant. */
    async longPress(base: string, variant: string) {
      await key(base).hover()
      await page.mouse.down()
      const popup = keyboard.getByRole('group', { name: `Accents for ${base}` })
      await expect(popup).toBeVisible()
      await page.mouse.up()
      await popup.getByRole('button', { name: variant, exact: true }).click()
      await expect(popup).toBeHidden()
    },
    async shiftOn() {
      if ((await key('Shift').getAttribute('aria-pressed')) !== 'true') await key('Shift').click()
      await expect(key('Shift')).toHaveAttribute('aria-pressed', 'true')
    },
  }
}

const oskHeight = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--osk-height'))

/** Whether the element is really seen: its centre and both ends are not covered or clipped. */
const unobstructed = (locator: Locator) =>
  locator.evaluate((element) => {
    const rect = element.getBoundingClientRect()
    const y = rect.top + rect.height / 2
    return [rect.left + 4, rect.left + rect.width / 2, rect.right - 4].every((x) => {
      const hit = document.elementFromPoint(x, y)
      return hit !== null && (hit === element || element.contains(hit))
    })
  })

/** Serious and critical axe findings inside the keyboard, as readable lines. */
async function keyboardViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('.osk').analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not visible')
  return found
}

test('types Łukasz by tapping keys, with a long-press for Ł, into the focused field', async ({
  kiosk,
}) => {
  await openDetailsForm(kiosk)
  const firstName = kiosk.getByLabel('First name', { exact: true })
  const osk = onScreenKeyboard(kiosk)
  await expect(osk.keyboard).toBeHidden()

  await firstName.click()
  await expect(osk.keyboard).toBeVisible()
  expect(await oskHeight(kiosk)).not.toBe('0px')

  await osk.shiftOn()
  await osk.longPress('L', 'Ł')
  // Shift was for one letter only.
  await expect(osk.key('Shift')).toHaveAttribute('aria-pressed', 'false')
  await osk.tap('ukasz')
  await expect(firstName).toHaveValue('Łukasz')
  await expect(firstName).toBeFocused()

  // Typing goes in at the caret, and backspace deletes before it.
  await firstName.evaluate((input: HTMLInputElement) => input.setSelectionRange(2, 2))
  await osk.key('Backspace').click()
  await osk.tap('u')
  await expect(firstName).toHaveValue('Łukasz')

  // The form (react-hook-form) has the value: submitting does not call the field empty.
  await kiosk.getByRole('button', { name: /^Continue/ }).click()
  await expect(kiosk.getByLabel('Last name', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await expect(firstName).not.toHaveAttribute('aria-invalid', 'true')
})

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true })

  test('taps type, and a finger held on L then slid onto Ł picks it', async ({ kiosk }) => {
    await kiosk.getByRole('button', { name: START.en }).tap()
    await kiosk.getByRole('button', { name: INDIVIDUAL.en }).tap()
    const firstName = kiosk.getByLabel('First name', { exact: true })
    await firstName.tap()
    const osk = onScreenKeyboard(kiosk)
    await expect(osk.keyboard).toBeVisible()
    // Name fields capitalise words, so the keyboard starts shifted for the first letter.
    await expect(osk.key('L')).toBeVisible()

    // Playwright has no touch long-press, so drive the finger through the DevTools protocol.
    const cdp = await kiosk.context().newCDPSession(kiosk)
    const centre = async (locator: Locator) => {
      const { x, y, width, height } = await box(locator)
      return { x: x + width / 2, y: y + height / 2 }
    }
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [await centre(osk.key('L'))],
    })
    const popup = osk.keyboard.getByRole('group', { name: 'Accents for L' })
    await expect(popup).toBeVisible()
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [await centre(popup.getByRole('button', { name: 'Ł' }))],
    })
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await expect(popup).toBeHidden()

    for (const letter of 'ukasz') await osk.key(letter).tap()
    await expect(firstName).toHaveValue('Łukasz')
    await expect(firstName).toBeFocused()

    // The flow's own buttons stay reachable above the keys.
    await kiosk.getByRole('button', { name: /^Continue/ }).tap()
    await expect(kiosk.getByLabel('Last name', { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
  })
})

test('the áé key opens every accented letter for visitors who do not know long-press', async ({
  kiosk,
}) => {
  await openDetailsForm(kiosk)
  const lastName = kiosk.getByLabel('Last name', { exact: true })
  const osk = onScreenKeyboard(kiosk)
  await lastName.click()

  await osk.shiftOn()
  await osk.key('Accented letters').click()
  await osk.tap('Ż')
  // One accented letter, then back to the letters, in small letters.
  await expect(osk.key('Accented letters')).toHaveAttribute('aria-pressed', 'false')
  for (const letter of 'ółć') {
    await osk.key('Accented letters').click()
    await osk.tap(letter)
  }
  await expect(lastName).toHaveValue('Żółć')
})

test('Greek and Cyrillic names are typeable through the script key', async ({ kiosk }) => {
  await openDetailsForm(kiosk)
  const osk = onScreenKeyboard(kiosk)
  await kiosk.getByLabel('First name', { exact: true }).click()

  await osk.key('Greek letters').click()
  await osk.shiftOn()
  await osk.tap('Ξανθ')
  await osk.longPress('η', 'ή')
  await expect(kiosk.getByLabel('First name', { exact: true })).toHaveValue('Ξανθή')

  // "Next" moves to the last name; the script stays as chosen until switched again.
  await osk.key('Next field').click()
  const lastName = kiosk.getByLabel('Last name', { exact: true })
  await expect(lastName).toBeFocused()
  await osk.key('Cyrillic letters').click()
  await osk.shiftOn()
  await osk.tap('Мария-')
  await osk.shiftOn()
  await osk.tap('Йорданова')
  await expect(lastName).toHaveValue('Мария-Йорданова')
})

test('email fields get the email layout, and a physical keyboard keeps working', async ({
  kiosk,
}) => {
  await openDetailsForm(kiosk)
  const osk = onScreenKeyboard(kiosk)
  const email = kiosk.getByLabel('Email', { exact: true })
  await email.click()

  for (const name of ['@', '.com', '.eu', '_', '-']) await expect(osk.key(name)).toBeVisible()
  await expect(osk.key('Shift')).toHaveAttribute('aria-pressed', 'false')
  await expect(osk.key('Space')).toHaveCount(0)
  await osk.tap('anna')
  await osk.key('@').click()
  await osk.tap('cor')
  await osk.key('.eu').click()
  await expect(email).toHaveValue('anna@cor.eu')

  // Holding backspace keeps deleting; letting go stops it, and the release types nothing more.
  await osk.key('Backspace').hover()
  await kiosk.mouse.down()
  await expect.poll(async () => (await email.inputValue()).length).toBeLessThanOrEqual(4)
  await kiosk.mouse.up()
  const left = await email.inputValue()
  await osk.tap('x')
  await expect(email).toHaveValue(`${left}x`)

  // A physical keyboard types as usual while the on-screen one is open.
  const lastName = kiosk.getByLabel('Last name', { exact: true })
  await lastName.click()
  await kiosk.keyboard.type("O'Brien")
  await expect(lastName).toHaveValue("O'Brien")
  await expect(osk.keyboard).toBeVisible()
})

test('the keyboard hides on request and when focus leaves the text fields', async ({ kiosk }) => {
  await openDetailsForm(kiosk)
  const osk = onScreenKeyboard(kiosk)
  const firstName = kiosk.getByLabel('First name', { exact: true })
  await firstName.click()
  await expect(osk.keyboard).toBeVisible()

  await osk.key('Hide keyboard').click()
  await expect(osk.keyboard).toBeHidden()
  await expect(firstName).toBeFocused()
  expect(await oskHeight(kiosk)).toBe('0px')

  // Tapping the field again brings it back.
  await firstName.click()
  await expect(osk.keyboard).toBeVisible()

  // Focus on something that is not a text field: the keyboard goes away.
  await kiosk.getByRole('heading', { level: 1 }).click()
  await expect(osk.keyboard).toBeHidden()
})

test('French visitors get AZERTY, with the keys named in French', async ({ kiosk }) => {
  await openDetailsForm(kiosk, 'fr')
  await kiosk.getByLabel('Prénom', { exact: true }).click()
  const osk = onScreenKeyboard(kiosk, 'fr')
  await expect(osk.keyboard).toHaveAttribute('data-layout', 'azerty')
  await expect(osk.key('Majuscule')).toBeVisible()
  await expect(osk.key('Masquer le clavier')).toBeVisible()
})

test('German visitors get QWERTZ with umlauts on their own keys', async ({ kiosk }) => {
  await openDetailsForm(kiosk, 'de')
  await kiosk.getByLabel('Vorname', { exact: true }).click()
  const osk = onScreenKeyboard(kiosk, 'de')
  await expect(osk.keyboard).toHaveAttribute('data-layout', 'qwertz')
  // A name starts with a capital: the keyboard opens shifted on an empty name field.
  for (const umlaut of ['Ü', 'Ö', 'Ä']) await expect(osk.key(umlaut)).toBeVisible()
})

for (const [width, height] of [
  [1920, 1080],
  [1080, 1920],
] as const) {
  test(`at ${width}×${height} the keys are large and the focused field stays above them`, async ({
    kiosk,
  }, testInfo) => {
    await kiosk.setViewportSize({ width, height })
    await openDetailsForm(kiosk)
    const osk = onScreenKeyboard(kiosk)
    // The lowest field of the form: the one most likely to end up behind the keys.
    const city = kiosk.getByLabel(/^City or region/)
    await city.click()
    await expect(osk.keyboard).toBeVisible()
    await osk.shiftOn()
    await osk.tap('Bruxelles')

    const keys = await box(osk.keyboard)
    expect(keys.y + keys.height).toBeCloseTo(height, 0)
    expect((await box(city)).y + (await box(city)).height).toBeLessThanOrEqual(keys.y)
    expect(await unobstructed(city)).toBe(true)
    expect(await unobstructed(kiosk.getByRole('button', { name: /^Continue/ }))).toBe(true)
    for (const name of ['q', 'Shift', 'Backspace', 'Space', 'Hide keyboard', 'Accented letters']) {
      const key = await box(osk.key(name))
      expect(key.height, name).toBeGreaterThanOrEqual(56)
      expect(key.width, name).toBeGreaterThanOrEqual(56)
    }
    await kiosk.screenshot({ path: testInfo.outputPath(`keyboard-${width}x${height}.png`) })
    const violations: Record<string, string[]> = { letters: await keyboardViolations(kiosk) }

    await osk.key('l').hover()
    await kiosk.mouse.down()
    await expect(osk.keyboard.getByRole('group', { name: 'Accents for l' })).toBeVisible()
    await kiosk.screenshot({
      path: testInfo.outputPath(`keyboard-long-press-${width}x${height}.png`),
    })
    violations.popup = await keyboardViolations(kiosk)
    await kiosk.mouse.up()

    await osk.key('Accented letters').click()
    await kiosk.screenshot({ path: testInfo.outputPath(`keyboard-accents-${width}x${height}.png`) })
    violations.accents = await keyboardViolations(kiosk)
    await osk.key('Letters').click()

    await kiosk.getByLabel('Email', { exact: true }).click()
    await expect(osk.key('@')).toBeVisible()
    await kiosk.screenshot({ path: testInfo.outputPath(`keyboard-email-${width}x${height}.png`) })
    violations.email = await keyboardViolations(kiosk)
    expect(violations).toEqual({ letters: [], popup: [], accents: [], email: [] })
  })
}
