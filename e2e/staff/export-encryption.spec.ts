import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { generateKeyPair } from '../../electron/services/export/encryption'
import { readExportBatch } from '../../electron/services/export/read-batch'
import { sampleSignatures } from '../../electron/shared/testing/sample-signatures'
import { dayInZone } from '../../electron/shared/time'
import { expect, openKiosk, test } from '../support/fixtures'
import { seedJournal } from '../support/seed-journal'
import { freshDataDir, startWebHost, type WebHostProcess } from '../support/web-host'
import { StaffPage } from './staff-page'

const TODAY = dayInZone(new Date(), 'Europe/Brussels')

test.describe('encrypted day export', () => {
  const records = sampleSignatures({
    count: 12,
    seed: 77,
    kioskId: 'B01',
    eventCode: 'EWRC26',
    firstDay: TODAY,
    languages: ['en', 'fr', 'de'],
  })
  let host: WebHostProcess
  let exportsDir: string
  test.beforeEach(async () => {
    const dataDir = await freshDataDir()
    exportsDir = join(dataDir, 'usb-stick')
    await mkdir(exportsDir)
    await seedJournal(dataDir, records)
    host = await startWebHost({ dataDir, exportsDir })
  })
  test.afterEach(async () => {
    await host.stop()
  })

  test('says "not encrypted" and waits for a confirmation, then encrypts once the organisers\' key is set', async ({
    page,
  }) => {
    const { identity, recipient } = await generateKeyPair()
    await openKiosk(page, host)
    const staff = new StaffPage(page)
    await staff.open()

    await staff.tab('Export')
    const card = page.getByRole('region', { name: 'Export a day' })
    await card.getByRole('combobox', { name: 'Day' }).selectOption(TODAY)
    await expect(card.getByTestId('export-encryption')).toContainText('Not encrypted.')
    const exportButton = card.getByRole('button', { name: 'Export day' })
    await expect(exportButton).toBeDisabled()
    await card.getByRole('checkbox', { name: /Export without encryption/ }).check()
    await expect(exportButton).toBeEnabled()

    await staff.tab('Settings')
    const key = page.getByLabel("Organisers' public key for exports", { exact: true })
    await key.fill('age1-not-a-key')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByText(/Organisers' public key: an age public key/)).toBeVisible()
    await key.fill(recipient)
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByTestId('settings-status')).toHaveText('Settings saved.')

    await staff.tab('Export')
    await card.getByRole('combobox', { name: 'Day' }).selectOption(TODAY)
    await expect(card.getByTestId('export-encryption')).toContainText(
      "Encrypted to the organisers' key",
    )
    await card.getByRole('button', { name: 'Export day' }).click()
    const shown = card.getByTestId('export-result-folder')
    await expect(shown).toBeVisible({ timeout: 30_000 })
    const folder = (await shown.textContent()) ?? ''
    expect((await readdir(folder)).sort()).toEqual([
      'audit.json.age',
      'manifest.json',
      'signatures.csv.age',
      'signatures.json.age',
    ])
    const batch = await readExportBatch(folder, { identity })
    expect(batch.records.map((r) => r.certificateNo)).toEqual(
      records.map((r) => r.certificateNo).sort(),
    )

    await staff.tab('Audit log')
    await expect(page.getByRole('row', { name: /Exported/ }).first()).toContainText(
      `encrypted: yes, to ${recipient}`,
    )
  })
})
