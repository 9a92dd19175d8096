import { sampleSignatures } from '../../electron/shared/testing/sample-signatures'
import { expect, openKiosk, test } from '../support/fixtures'
import { seedJournal } from '../support/seed-journal'
import { freshDataDir, startWebHost, type WebHostProcess } from '../support/web-host'
import { storedRows } from '../visitor/visitor-page'
import { StaffPage } from './staff-page'

const SEEDED = sampleSignatures({ count: 20, seed: 11, kioskId: 'B01', eventCode: 'EWRC26' })
const subscriber = SEEDED.find((r) => r.consents.newsletter)!

let host: WebHostProcess
test.beforeEach(async () => {
  const dataDir = await freshDataDir()
  await seedJournal(dataDir, SEEDED)
  host = await startWebHost({ dataDir })
})
test.afterEach(async () => {
  await host.stop()
})

test('staff record a stop of the newsletter: the record changes, the change is queued and audited by name only', async ({
  page,
}) => {
  await openKiosk(page, host)
  const staff = new StaffPage(page)
  await staff.open()
  await staff.tab('Signatures')
  await page.getByRole('searchbox', { name: /Search name/ }).fill(subscriber.certificateNo)
  await page.getByRole('button', { name: `Details ${subscriber.certificateNo}` }).click()
  const dialog = page.getByRole('dialog')
  const record = dialog.getByRole('button', { name: 'Record consent change' })
  await expect(record).toBeDisabled()
  await dialog.getByRole('checkbox', { name: 'Send me the #CohesionAlliance newsletter' }).uncheck()
  await record.click()
  await expect(dialog.getByTestId('consent-change-status')).toHaveText(
    'Consent change recorded. The register gets it with the next batch.',
  )

  const changes = (await storedRows(page, 'consentChanges')) as {
    certificateNo: string
    syncState: string
    consents: { newsletter: boolean }
  }[]
  expect(changes).toMatchObject([
    {
      certificateNo: subscriber.certificateNo,
      syncState: 'pending',
      consents: { newsletter: false },
    },
  ])
  await dialog.getByRole('button', { name: 'Close' }).click()
  await staff.tab('Audit log')
  const line = page.getByRole('row', { name: /Consents changed/ }).first()
  await expect(line).toContainText(
    `Consents changed for ${subscriber.certificateNo}: newsletter off`,
  )
  await expect(line).not.toContainText(subscriber.lastName)
})
