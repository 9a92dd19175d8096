/**
 * The real Electron kiosk, driven by Playwright's Electron support. Runs wherever the Electron
 * binary is installed; elsewhere it is reported as skipped with the reason, never faked.
 */
import { _electron as electron, expect, test } from '@playwright/test'
import { electronBinary, NO_ELECTRON_RUNTIME } from '../../electron/host/electron-runtime'
import { contract } from '../../electron/shared/api'
import { PROJECT_ROOT } from '../../electron/host/paths'
import { StaffPage } from '../staff/staff-page'
import { freshDataDir } from '../support/web-host'

const binary = electronBinary()

test('the Electron kiosk boots locked down and reaches app:info over IPC', async () => {
  test.skip(!binary, NO_ELECTRON_RUNTIME)
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.', '--windowed', '--no-sandbox'],
    cwd: PROJECT_ROOT,
    env: { ...process.env, KIOSK_DATA_DIR: await freshDataDir() },
  })
  try {
    const page = await app.firstWindow()
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Join the #CohesionAlliance')
    // The version badge is for staff: on the PIN screen, which Cancel leaves for the attract screen.
    await new StaffPage(page).openPinScreen()
    await expect(page.getByTestId('kiosk-badge')).toHaveText(/ · electron$/)
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'Français' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Rejoignez la #CohesionAlliance',
    )
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      kiosk: Object.keys((window as unknown as { kiosk?: object }).kiosk ?? {}).sort(),
    }))
    expect(exposed.require).toBe('undefined')
    expect(exposed.process).toBe('undefined')
    expect(exposed.kiosk).toEqual(Object.keys(contract).sort())
    const url = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.webContents.getURL(),
    )
    expect(url).toMatch(/^file:/)
    // window.open returns only after main's open handler decided: null means it was denied. The
    // window count is then asked of main itself, not of Playwright's list (which fills in later).
    const opened = await page.evaluate(() => window.open('https://example.org') !== null)
    expect(opened).toBe(false)
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)
    expect(windows).toBe(1)
  } finally {
    await app.close()
  }
})
