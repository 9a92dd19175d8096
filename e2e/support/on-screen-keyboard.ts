import { expect, type Locator, type Page } from '@playwright/test'
import type { Language } from '../../electron/shared/settings'
import { visitorStrings } from './locale-strings'

/** Types `text` on the on-screen keyboard by taps only: a letter's key, Shift, or the accented-letters key. */
export async function typeOnKeyboard(page: Page, language: Language, text: string) {
  const t = visitorStrings(language)
  const keyboard = page.getByRole('group', { name: t.get('keyboard.keyboard')! })
  await expect(keyboard).toBeVisible()
  const key = (name: string) => keyboard.getByRole('button', { name, exact: true })
  const tapIfShown = async (locator: Locator) => {
    if ((await locator.count()) === 0 || !(await locator.first().isVisible())) return false
    await locator.first().tap()
    return true
  }
  for (const char of text) {
    if (char === ' ') {
      await key(t.get('keyboard.space')!).tap()
      continue
    }
    if (await tapIfShown(key(char))) continue
    const upper = char !== char.toLocaleLowerCase(language)
    const shift = key(t.get('keyboard.shift')!)
    if (upper && (await shift.getAttribute('aria-pressed')) !== 'true') await shift.tap()
    if (await tapIfShown(key(char))) continue
    await key(t.get('keyboard.accents')!).tap()
    if (!(await tapIfShown(key(char))))
      throw new Error(`no key for “${char}” on the ${language} keyboard`)
  }
}
