import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { test, expect, openKiosk } from '../support/fixtures'
import { seedJournal } from '../support/seed-journal'
import { freshDataDir, startWebHost } from '../support/web-host'
import { sampleRecord } from '../../electron/shared/testing/sample-record'
import { storedSignatures } from '../visitor/visitor-page'

test('a plain journal of an earlier version is sealed at start and restored; a replaced key is a clear error, not an empty kiosk', async ({
  page,
}) => {
  const dataDir = await freshDataDir()
  await seedJournal(dataDir, [sampleRecord(1), sampleRecord(2)])
  let host = await startWebHost({ dataDir })
  try {
    await openKiosk(page, host)
    expect((await storedSignatures(page)).map((r) => r.certificateNo)).toEqual([
      'EWRC26-B01-000001',
      'EWRC26-B01-000002',
    ])
    await host.stop()

    // The key file replaced (a kiosk moved without it): the journal must not read as empty.
    await writeFile(join(dataDir, 'kiosk.key'), randomBytes(32).toString('base64') + '\n', {
      mode: 0o600,
    })
    host = await startWebHost({ dataDir })
    await page.goto(host.url)
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'failed')
    await expect(page.getByTestId('boot-error')).toContainText('another kiosk key')
  } finally {
    await host.stop()
  }
})
