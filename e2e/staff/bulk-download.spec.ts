/**
 * Bulk certificates downloaded on the web host: streamed to the browser while they are written
 * (no size limit, no copy in the page), with the console's progress, on a touch screen.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pdfInfo } from '../../electron/services/certificates/testing/poppler'
import { sampleSignatures } from '../../electron/shared/testing/sample-signatures'
import { expect, openKiosk, test } from '../support/fixtures'
import { seedJournal } from '../support/seed-journal'
import { freshDataDir, startWebHost, type WebHostProcess } from '../support/web-host'
import { StaffPage } from './staff-page'
import { ToolsPage } from './tools-page'

const RECORDS = sampleSignatures({
  count: 120,
  seed: 43,
  kioskId: 'B01',
  eventCode: 'EWRC26',
  firstDay: '2026-10-12',
  days: 1,
  languages: ['en', 'fr'],
})

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ hasTouch: true, viewport })
    let host: WebHostProcess
    let exportsDir: string
    test.beforeEach(async () => {
      const dataDir = await freshDataDir()
      exportsDir = join(dataDir, 'exports')
      await mkdir(exportsDir)
      await seedJournal(dataDir, RECORDS)
      host = await startWebHost({ dataDir, exportsDir })
    })
    test.afterEach(async () => {
      await host.stop()
    })

    test('the PDF downloads in the browser while it is written, the same file as in the export folder', async ({
      page,
    }, testInfo) => {
      await openKiosk(page, host)
      const staff = new StaffPage(page)
      await staff.open()
      await page.getByRole('tab', { name: 'Export' }).tap()
      const card = new ToolsPage(page).bulkCard()
      await expect(card.getByTestId('bulk-count')).toHaveText('120 certificates match')
      const stream = card.getByRole('checkbox', {
        name: 'Also download it in this browser while it is written',
      })
      await stream.tap()
      await expect(stream).toBeChecked()
      await page.screenshot({
        path: testInfo.outputPath(`bulk-download-${viewport.width}x${viewport.height}.png`),
      })

      const download = page.waitForEvent('download')
      await card.getByRole('button', { name: /Create PDF/ }).tap()
      // The browser's download starts with the job, not at its end.
      const started = await download
      expect(started.suggestedFilename()).toBe('EWRC26-B01-certificates-all-days-everyone.pdf')
      const path = card.getByTestId('certificates-path')
      await expect(path).toBeVisible({ timeout: 60_000 })
      const onDisk = (await path.textContent()) ?? ''
      expect(onDisk).toBe(join(exportsDir, 'EWRC26-B01-certificates-all-days-everyone.pdf'))
      const file = await started.path()
      expect((await readFile(file)).equals(await readFile(onDisk))).toBe(true)
      expect((await pdfInfo(file)).Pages).toBe('120')
      expect(await started.failure()).toBeNull()

      // Another copy later, streamed from the file.
      const again = page.waitForEvent('download')
      await card.getByRole('button', { name: 'Download the PDF' }).tap()
      expect((await readFile(await (await again).path())).equals(await readFile(onDisk))).toBe(true)
    })
  })
}
