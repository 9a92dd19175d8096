import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { startHost } from '../../electron/host/server'
import { BUILT_RENDERER } from '../../electron/host/paths'
import { openKioskServices } from '../../electron/services/kiosk-services'
import { StaffPage } from '../staff/staff-page'
import { expect, test } from '../support/fixtures'

test('a browser the host starts gets the secret for a one-time code, which a second page cannot use', async ({
  page,
}) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'))
  const log = pino({ level: 'silent' })
  const { api } = await openKioskServices({ dataDir, runtime: 'web', log })
  const host = await startHost({ api, rendererDir: BUILT_RENDERER, log })
  try {
    // What the launcher puts on Chromium's command line: a code, not the secret.
    const url = host.launchUrl()
    expect(url).not.toContain(host.secret)
    await page.goto(url)
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
    // The badge (on the staff PIN screen) comes from the host API: the page holds the secret.
    await new StaffPage(page).openPinScreen()
    await expect(page.getByTestId('kiosk-badge')).toHaveText(
      /^EWRC26 · B01 · v\d+\.\d+\.\d+ · web$/,
    )
    expect(new URL(page.url()).hash).toBe('')
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
    await new StaffPage(page).openPinScreen()
    await expect(page.getByTestId('kiosk-badge')).toHaveText(/EWRC26 · B01/)

    // Anyone else who read the code off the command line is too late.
    const other = await page.context().newPage()
    await other.goto(url)
    await expect(other.getByRole('alert')).toContainText('Something went wrong')
    await other.close()
  } finally {
    await host.close()
    await rm(dataDir, { recursive: true, force: true })
  }
})
