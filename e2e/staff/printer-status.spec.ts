/**
 * The printer card when the print system is down: staff read a sentence in their language, and
 * what lpstat said only behind "Details". CUPS_SERVER points the host's lpstat at a closed port,
 * where it answers "lpstat: Scheduler is not running." as on a booth PC whose cupsd is stopped.
 */
import { execFileSync } from 'node:child_process'
import { expect, openKiosk, test } from '../support/fixtures'
import { startWebHost, type WebHostProcess } from '../support/web-host'
import { STAFF_PIN } from './staff-page'

function lpstatMissing(): string | null {
  try {
    execFileSync('sh', ['-c', 'command -v lpstat'], { stdio: 'ignore' })
    return null
  } catch {
    return 'lpstat (cups-client) is not installed'
  }
}
const missing = lpstatMissing()

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test.describe(`printer card at ${viewport.width}×${viewport.height}, touch`, () => {
    test.skip(missing !== null, `skipped: ${missing}`)
    test.use({ hasTouch: true, viewport })

    let host: WebHostProcess
    test.beforeEach(async () => {
      host = await startWebHost({ env: { CUPS_SERVER: '127.0.0.1:9' } })
    })
    test.afterEach(async () => {
      await host?.stop()
    })

    test('a stopped print service reads as a sentence, the raw text only under Details', async ({
      page,
    }, testInfo) => {
      await openKiosk(page, host)
      await page.keyboard.press('Control+Shift+S')
      await expect(page.getByRole('button', { name: 'Digit 1' })).toBeEnabled()
      for (let round = 0; round < 2; round++) {
        for (const digit of STAFF_PIN)
          await page.getByRole('button', { name: `Digit ${digit}` }).tap()
        await page.getByRole('button', { name: 'OK' }).tap()
      }
      await page.getByRole('tab', { name: 'Settings' }).tap()

      const card = page.getByTestId('printer-status')
      await expect(card.getByRole('alert')).toHaveText(
        'The print service is not running on this computer. Start it (or restart the computer), then try again.',
      )
      const raw = card.getByText('lpstat: Scheduler is not running.')
      await expect(raw).toBeHidden()
      await card.getByText('Details', { exact: true }).tap()
      await expect(raw).toBeVisible()
      await card.scrollIntoViewIfNeeded()
      await page.screenshot({ path: testInfo.outputPath(`printer-card-${viewport.width}.png`) })
    })
  })
}
