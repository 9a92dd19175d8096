import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { openKiosk } from '../support/fixtures'
import { hostValue, unlockHost } from '../support/host-api'
import { freshDataDir, startWebHost } from '../support/web-host'
import { StaffPage } from './staff-page'

/** A kiosk set up by staff (PIN, kiosk id), then stopped. */
async function setUpKiosk(): Promise<string> {
  const dataDir = await freshDataDir()
  const host = await startWebHost({ dataDir })
  await unlockHost(host)
  await hostValue(host, 'updateSettings', { kioskId: 'B07', eventCity: 'Bruxelles' })
  await host.stop()
  return dataDir
}

test('a damaged settings file: the kiosk starts from its last good copy and tells staff', async ({
  page,
}) => {
  const dataDir = await setUpKiosk()
  await writeFile(join(dataDir, 'settings.json'), '{"kioskId": "B0')
  const host = await startWebHost({ dataDir })
  try {
    await openKiosk(page, host)
    const staff = new StaffPage(page)
    await staff.openPinScreen()
    await expect(page.getByTestId('kiosk-badge')).toHaveText(/^EWRC26 · B07 /)
    // The PIN survived: the console opens with it, and the dashboard says what happened.
    await staff.open()
    await expect(
      page.getByRole('alert').filter({ hasText: 'settings file was damaged' }),
    ).toContainText('last good copy')
  } finally {
    await host.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
})

test('a damaged settings file and no good copy: the host refuses to start and names the file', async () => {
  const dataDir = await setUpKiosk()
  await writeFile(join(dataDir, 'settings.json'), '')
  await rm(join(dataDir, 'settings.last-good.json'))
  try {
    await expect(startWebHost({ dataDir })).rejects.toThrow(
      new RegExp(
        `exited with 3[\\s\\S]*${join(dataDir, 'settings.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be used: it is empty`,
      ),
    )
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})
