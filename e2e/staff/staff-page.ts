import { expect, type Page } from '@playwright/test'

export const STAFF_PIN = '482913'

/** The staff side of the kiosk, driven by visible labels. */
export class StaffPage {
  constructor(readonly page: Page) {}

  async openPinScreen() {
    await this.page.keyboard.press('Control+Shift+S')
    await expect(
      this.page.getByRole('heading', { level: 1, name: /Staff console|Set the staff PIN/ }),
    ).toBeVisible()
  }

  async typePin(pin: string) {
    for (const digit of pin) await this.page.getByRole('button', { name: `Digit ${digit}` }).click()
    await this.page.getByRole('button', { name: 'OK' }).click()
  }

  /** Opens the console: sets the PIN on first start, unlocks otherwise. */
  async open(pin = STAFF_PIN) {
    await this.openPinScreen()
    // The keys are enabled once the kiosk has said whether a PIN exists.
    await expect(this.page.getByRole('button', { name: 'Digit 1' })).toBeEnabled()
    if (await this.page.getByRole('heading', { name: 'Set the staff PIN' }).isVisible()) {
      await this.typePin(pin)
      await this.typePin(pin)
    } else {
      await this.typePin(pin)
    }
    await expect(this.page.getByRole('tab', { name: 'Dashboard' })).toBeVisible()
  }

  /** Opens the console by touch: the shortcut stands in for the two-second hold, the PIN is tapped. */
  async openByTouch(pin = STAFF_PIN) {
    await this.page.keyboard.press('Control+Shift+S')
    const digit = (d: string) => this.page.getByRole('button', { name: `Digit ${d}` })
    await expect(digit('1')).toBeEnabled()
    const first = await this.page.getByRole('heading', { name: 'Set the staff PIN' }).isVisible()
    for (let round = 0; round < (first ? 2 : 1); round++) {
      for (const d of pin) await digit(d).tap()
      await this.page.getByRole('button', { name: 'OK' }).tap()
    }
    await expect(this.page.getByRole('tab', { name: 'Dashboard' })).toBeVisible()
  }

  async tab(name: 'Dashboard' | 'Signatures' | 'Export' | 'Settings' | 'Audit log') {
    await this.page.getByRole('tab', { name }).click()
  }

  /** Chooses the certificate printer on the Settings tab (from the system's list) and saves. */
  async choosePrinter(name: string) {
    await this.tab('Settings')
    await this.page.getByRole('combobox', { name: 'Certificate printer' }).selectOption(name)
    await this.page.getByRole('button', { name: 'Save settings' }).click()
    await expect(this.page.getByTestId('settings-status')).toHaveText('Settings saved.')
  }

  resultCount() {
    return this.page.getByTestId('result-count')
  }

  async filter(label: string, option: string) {
    await this.page
      .getByRole('combobox', { name: label, exact: true })
      .selectOption({ label: option })
  }
}
