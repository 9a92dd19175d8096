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
