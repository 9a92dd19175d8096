import { expect, test } from '../support/fixtures'
import { journalEntries } from '../support/journal-file'
import { StaffPage } from '../staff/staff-page'
import { kioskRows, syncStates } from '../sync/sync-kiosk'
import { SYNC_TEST_TIMEOUT_MS, withSyncingKiosk } from '../sync/sync-setup'
import { VisitorPage } from '../visitor/visitor-page'

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS })

test('Purge now removes the personal data of confirmed signatures from IndexedDB and the journal; the table says purged', async ({
  page,
  host,
}) => {
  await withSyncingKiosk({ page, host }, {}, async () => {
    const visitor = new VisitorPage(page)
    await visitor.signUpToReview({
      firstName: 'Aino',
      lastName: 'Väisänenberg',
      email: 'aino.vaisanenberg@example.fi',
      countryName: 'Finland',
    })
    const certificateNo = await visitor.confirm()
    await page.getByRole('button', { name: 'Finish' }).click()
    await expect.poll(() => syncStates(page), { timeout: 30_000 }).toEqual({ synced: 1 })
    await expect
      .poll(async () => (await journalEntries(host.dataDir)).map((entry) => entry.type))
      .toContain('signature')

    const staff = new StaffPage(page)
    await staff.open()
    await staff.tab('Settings')
    const purge = page.getByRole('button', { name: 'Purge now' })
    await expect(purge).toBeEnabled()
    await purge.click()
    await expect(page.getByText('Purged the personal data of 1 signature.')).toBeVisible()

    const [row] = await kioskRows(page, 'signatures')
    expect(row).toMatchObject({ certificateNo, firstName: '', lastName: '', email: null })
    expect(await kioskRows(page, 'strokes')).toEqual([])
    const journal = await journalEntries(host.dataDir)
    expect(journal.map((entry) => entry.type)).toContain('purged')
    expect(journal.map((entry) => entry.type)).not.toContain('signature')
    const text = JSON.stringify(journal)
    for (const trace of ['Väisänenberg', 'aino.vaisanenberg@example.fi']) {
      expect(text).not.toContain(trace)
    }
    // The audit line reaches the journal through journalAuditAsWritten, a moment after the purge.
    await expect
      .poll(() => journalEntries(host.dataDir))
      .toContainEqual(
        expect.objectContaining({
          type: 'audit',
          audit: expect.objectContaining({ action: 'purge' }),
        }),
      )

    await staff.tab('Signatures')
    await expect(page.getByRole('cell', { name: 'purged', exact: true })).toBeVisible()
  })
})
