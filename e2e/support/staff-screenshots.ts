/**
 * `npx tsx e2e/support/staff-screenshots.ts [outDir]`: screenshots of the staff console's Export,
 * Settings and Audit log tabs (and the table's bulk actions) at 1920×1080, over 3,000 seeded
 * signatures, to look at as staff would. Needs a build (`npx electron-vite build`).
 */
import { chromium } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { sampleSignatures } from '../../electron/shared/testing/sample-signatures'
import { StaffPage } from '../staff/staff-page'
import { CHROMIUM_ARGS, chromiumPath } from './chromium'
import { seedJournal } from './seed-journal'
import { freshDataDir, startWebHost } from './web-host'

const outDir = process.argv[2] ?? 'test-results/staff-screens'
mkdirSync(outDir, { recursive: true })
const dataDir = await freshDataDir()
await seedJournal(
  dataDir,
  sampleSignatures({
    count: 3_000,
    seed: 4,
    kioskId: 'B01',
    eventCode: 'EWRC26',
    firstDay: '2026-10-12',
    days: 3,
    languages: ['en', 'fr', 'de'],
  }),
)
const host = await startWebHost({ dataDir })
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  const shot = (name: string) => page.screenshot({ path: join(outDir, `${name}.png`) })
  await page.goto(host.url)
  await page.waitForSelector('html[data-app-state=ready]')
  const staff = new StaffPage(page)
  await staff.open()

  await staff.tab('Export')
  await page.getByTestId('bulk-count').filter({ hasText: /match/ }).waitFor()
  await shot('01-export')
  const dayCard = page.getByRole('region', { name: 'Export a day' })
  await dayCard.getByRole('combobox', { name: 'Day' }).selectOption('2026-10-13')
  await dayCard.getByRole('checkbox', { name: /Export without encryption/ }).check()
  await dayCard.getByRole('button', { name: 'Export day' }).click()
  await dayCard.getByText(/^Exported/).waitFor()
  const bulk = page.getByRole('region', { name: 'Certificates in bulk' })
  await bulk.getByRole('combobox', { name: 'Day' }).selectOption('2026-10-13')
  await bulk.getByRole('combobox', { name: 'Signing' }).selectOption('organisation')
  await bulk.getByRole('button', { name: /Create PDF/ }).click()
  await bulk
    .getByText(/Certificates written|Finishing/)
    .first()
    .waitFor()
  await shot('02-export-running')
  await bulk.getByText(/^PDF with/).waitFor({ timeout: 120_000 })
  await shot('03-export-done')

  await staff.tab('Settings')
  await shot('04-settings')
  await page.getByLabel('Idle timeout (seconds)').fill('5')
  await page.getByLabel('Register URL').fill('register.example')
  await page.getByLabel('Event name').fill('EW')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await shot('05-settings-errors')
  await page.getByRole('button', { name: 'Undo changes' }).click()
  await page.getByLabel('Event city').fill('Bruxelles')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await page.getByText('Settings saved.').waitFor()
  await shot('06-settings-saved')
  await page.getByTestId('settings-status').scrollIntoViewIfNeeded()
  await page.mouse.wheel(0, 2000)
  await shot('07-settings-bottom')

  await staff.tab('Audit log')
  await shot('08-audit')

  await staff.tab('Signatures')
  await staff.filter('Day', '2026-10-12')
  await page.getByRole('button', { name: /Select all/ }).click()
  await shot('09-signatures-selected')
  await page.getByRole('button', { name: /Print certificates/ }).click()
  await page
    .getByRole('dialog')
    .getByText(/^PDF with/)
    .waitFor({ timeout: 120_000 })
  await shot('10-print-selection-done')
  await page.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'Export selection' }).click()
  await page
    .getByRole('dialog')
    .getByRole('checkbox', { name: /Export without encryption/ })
    .check()
  await page.getByRole('dialog').getByRole('button', { name: 'Export without encryption' }).click()
  await page
    .getByRole('dialog')
    .getByText(/^Exported/)
    .waitFor()
  await shot('11-export-selection-done')
} finally {
  await browser.close()
  await host.stop()
}
console.log(`Screenshots in ${outDir}`)
