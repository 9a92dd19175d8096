/**
 * The data controller of the privacy notice: staff fill it in on the touch screen with the
 * on-screen keyboard, and a visitor reads it in the notice in their own language (French here).
 */
import type { Locator, Page } from '@playwright/test'
import { seriousViolations } from '../support/axe'
import { expect, test } from '../support/fixtures'
import { hostValue } from '../support/host-api'
import { pageStrings } from '../support/locale-strings'
import { LABELS, VisitorPage } from '../visitor/visitor-page'
import { StaffPage } from './staff-page'

const CONTROLLER = {
  name: 'CoR Brussels',
  address: 'Rue Belliard 101, Bruxelles',
  email: 'dpo@cor.eu',
}

const en = pageStrings('en')
const fr = pageStrings('fr')

/** Types `text` into the focused field by tapping the on-screen keyboard's keys only. */
async function typeOnKeyboard(page: Page, text: string) {
  const keyboard = page.getByRole('group', { name: en.get('keyboard.keyboard')! })
  await expect(keyboard).toBeVisible()
  const key = (name: string) => keyboard.getByRole('button', { name, exact: true })
  const tapIfShown = async (locator: Locator) => {
    if ((await locator.count()) === 0 || !(await locator.first().isVisible())) return false
    await locator.first().tap()
    return true
  }
  const shift = key(en.get('keyboard.shift')!)
  const tapWithShift = async (char: string) => {
    if (await tapIfShown(key(char))) return true
    const upper = char !== char.toLowerCase()
    if (upper && (await shift.isVisible()) && (await shift.getAttribute('aria-pressed')) !== 'true')
      await shift.tap()
    return tapIfShown(key(char))
  }
  for (const char of text) {
    if (char === ' ') {
      await key(en.get('keyboard.space')!).tap()
      continue
    }
    if (await tapWithShift(char)) continue
    // Digits and punctuation are on the other layer ("123" ↔ "ABC").
    for (const layer of ['keyboard.symbols', 'keyboard.letters']) {
      if (await tapIfShown(key(en.get(layer)!))) break
    }
    if (!(await tapWithShift(char))) throw new Error(`no key for “${char}”`)
  }
}

for (const viewport of [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ hasTouch: true, viewport })
    // Every character is a tap on the on-screen keyboard: longer than a single-screen test.
    test.describe.configure({ timeout: 180_000 })

    test('staff enter the data controller on the touch keyboard; a French visitor reads it in the privacy notice', async ({
      kiosk,
      host,
    }, testInfo) => {
      await new StaffPage(kiosk).openByTouch()
      const missing = kiosk.getByTestId('missing-controller')
      await expect(missing).toContainText('does not name the data controller yet')
      await expect(missing).toContainText(
        "Data controller, Controller's postal address, and Controller's contact email",
      )

      await kiosk.getByRole('tab', { name: 'Settings' }).tap()
      const field = (label: string) => kiosk.getByRole('textbox', { name: label, exact: true })
      // A wrong email is refused next to its field, and nothing is saved.
      await field("Controller's contact email").tap()
      await typeOnKeyboard(kiosk, 'dpo')
      await kiosk.getByRole('button', { name: 'Save settings' }).tap()
      await expect(field("Controller's contact email")).toHaveAccessibleDescription(
        /Controller's contact email: an email address such as privacy@example.eu, or empty/,
      )
      await field("Controller's contact email").clear()

      for (const [label, text] of [
        ['Data controller', CONTROLLER.name],
        ["Controller's postal address", CONTROLLER.address],
        ["Controller's contact email", CONTROLLER.email],
      ] as const) {
        await field(label).tap()
        await typeOnKeyboard(kiosk, text)
        await expect(field(label)).toHaveValue(text)
      }
      await kiosk.screenshot({
        path: testInfo.outputPath(`controller-settings-${viewport.width}x${viewport.height}.png`),
      })
      await kiosk.getByRole('button', { name: 'Save settings' }).tap()
      await expect(kiosk.getByTestId('settings-status')).toHaveText('Settings saved.')
      expect(await hostValue(host, 'getSettings')).toMatchObject({
        controllerName: CONTROLLER.name,
        controllerAddress: CONTROLLER.address,
        controllerEmail: CONTROLLER.email,
        dpoContact: '',
      })
      await kiosk.getByRole('tab', { name: 'Dashboard' }).tap()
      await expect(missing).toHaveCount(0)
      await kiosk.getByRole('button', { name: 'Lock' }).tap()

      // A French visitor on the consent step opens the privacy notice.
      const visitor = new VisitorPage(kiosk, 'fr')
      await visitor.start()
      await visitor.chooseCapacity('individual')
      await visitor.fillDetails({
        firstName: 'Élodie',
        lastName: 'Martin',
        countryName: 'Belgique',
      })
      await visitor.next()
      await expect(kiosk.getByRole('checkbox', { name: LABELS.fr.endorse })).toBeVisible()
      await kiosk.getByRole('button', { name: fr.get('principles.privacy')! }).tap()
      const notice = kiosk.getByRole('dialog', { name: fr.get('privacy.title')! })
      const controller = notice.getByRole('group', { name: fr.get('privacy.controllerLabel')! })
      await expect(controller).toContainText(
        `Le responsable du traitement de vos données personnelles est ${CONTROLLER.name}.`,
      )
      await expect(controller).toContainText(`Adresse : ${CONTROLLER.address}`)
      await expect(controller).toContainText(`Courriel : ${CONTROLLER.email}`)
      expect(await seriousViolations(kiosk)).toEqual([])
      await expect(kiosk.locator('html')).toHaveAttribute('lang', 'fr')
      await kiosk.screenshot({
        path: testInfo.outputPath(`controller-notice-${viewport.width}x${viewport.height}.png`),
      })
    })
  })
}
