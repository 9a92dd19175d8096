import { sampleSignatures } from '../../electron/shared/testing/sample-signatures'
import type { SignatureRecord } from '../../electron/shared/signature'
import { test, expect, openKiosk } from '../support/fixtures'
import { PersistentBrowser } from '../support/persistent-browser'
import { journalEntries } from '../support/journal-file'
import { seedJournal } from '../support/seed-journal'
import { freshDataDir, startWebHost, type WebHostProcess } from '../support/web-host'
import { storedRows, storedSignatures } from '../visitor/visitor-page'
import { StaffPage } from './staff-page'

const SEEDED: SignatureRecord[] = sampleSignatures({
  count: 5_000,
  seed: 7,
  kioskId: 'B01',
  eventCode: 'EWRC26',
  firstDay: '2026-10-13',
  days: 3,
  languages: ['en', 'fr', 'de'],
})

/** A host whose data folder holds 5,000 signatures in its journal; the app restores them at boot. */
async function seededHost(): Promise<WebHostProcess> {
  const dataDir = await freshDataDir()
  await seedJournal(dataDir, SEEDED)
  return startWebHost({ dataDir })
}

test.describe('signatures table over 5,000 signatures', () => {
  let host: WebHostProcess
  test.beforeEach(async () => {
    host = await seededHost()
  })
  test.afterEach(async () => {
    await host.stop()
  })

  test('search, filters and sorting give the exact expected rows', async ({ page }) => {
    await openKiosk(page, host)
    const staff = new StaffPage(page)
    await staff.open()
    await staff.tab('Signatures')
    await expect(staff.resultCount()).toHaveText('5000 signatures')
    // The rows and the queries live in the module Web Worker, started under the page's CSP: a
    // silent fallback to the page's thread would say "thread" here.
    const table = page.locator('.signatures')
    await expect(table).toHaveAttribute('data-transport', 'worker')
    await expect(table).toHaveAttribute('data-rows-loaded', 'true')

    const organisations = SEEDED.filter((r) => r.capacity === 'organisation')
    await staff.filter('Capacity', 'On behalf of an organisation')
    await expect(staff.resultCount()).toHaveText(`${organisations.length} of 5000 signatures`)

    const firstDayOrgs = organisations.filter((r) => r.day === '2026-10-13')
    await staff.filter('Day', '2026-10-13')
    await expect(staff.resultCount()).toHaveText(`${firstDayOrgs.length} of 5000 signatures`)

    const regions = firstDayOrgs.filter((r) => r.organisationType === 'region')
    await staff.filter('Organisation type', 'Region')
    await expect(staff.resultCount()).toHaveText(`${regions.length} of 5000 signatures`)
    expect(regions.length).toBeGreaterThan(0)

    await staff.filter('Capacity', 'Any')
    await staff.filter('Day', 'Any day')
    await staff.filter('Organisation type', 'Any')
    await expect(staff.resultCount()).toHaveText('5000 signatures')

    // A certificate number finds exactly its signature.
    const target = SEEDED[1234]!
    const search = page.getByRole('searchbox', { name: /Search name/ })
    await search.fill(target.certificateNo)
    await expect(staff.resultCount()).toHaveText('1 of 5000 signatures')
    await expect(page.getByRole('row', { name: new RegExp(target.certificateNo) })).toBeVisible()

    // Accent- and case-insensitive: the folded last name finds every signatory whose name,
    // organisation, role, email or city holds it.
    // Written here, not taken from the app: the letters NFKD leaves whole, as staff type them.
    const plain: Record<string, string> = { ł: 'l', đ: 'd', ð: 'd', ø: 'o', æ: 'ae', œ: 'oe' }
    Object.assign(plain, { ß: 'ss', ħ: 'h', ı: 'i', þ: 'th' })
    const fold = (text: string) =>
      text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[łđðøæœßħıþ]/g, (letter) => plain[letter] ?? letter)
    const folded = fold(target.lastName)
    const withName = SEEDED.filter((r) =>
      [r.firstName, r.lastName, r.organisationName, r.role, r.email, r.certificateNo, r.city].some(
        (field) => fold(field ?? '').includes(folded),
      ),
    )
    expect(withName.length).toBeGreaterThan(1)
    await search.fill(folded)
    await expect(staff.resultCount()).toHaveText(`${withName.length} of 5000 signatures`)

    // Letters Unicode does not decompose: "duric" finds Đurić, "ostergaard" Østergaard.
    for (const [typed, written] of [
      ['duric', 'Đurić'],
      ['ostergaard', 'Østergaard'],
    ] as const) {
      const holding = SEEDED.filter((r) =>
        [r.firstName, r.lastName, r.organisationName, r.role, r.email, r.city].some((field) =>
          fold(field ?? '').includes(typed),
        ),
      )
      expect(holding.some((r) => r.lastName === written)).toBe(true)
      await search.fill('')
      await search.pressSequentially(typed)
      await expect(staff.resultCount()).toHaveText(`${holding.length} of 5000 signatures`)
      await expect(page.getByRole('row', { name: new RegExp(written) }).first()).toBeVisible()
    }
    await search.fill('')

    // Sorting by certificate number, ascending then descending.
    const numbers = SEEDED.map((r) => r.certificateNo).sort()
    await page.getByRole('button', { name: 'Certificate no.' }).click()
    await expect(page.getByRole('row').nth(1)).toContainText(numbers[0]!)
    await page.getByRole('button', { name: /Certificate no\./ }).click()
    await expect(page.getByRole('row').nth(1)).toContainText(numbers.at(-1)!)
    // Only the visible rows are in the page, not 5,000.
    expect(await page.locator('tbody tr').count()).toBeLessThan(80)
    // Scrolled to the end, the rows there are asked for and shown: the lowest number is last.
    await page.locator('.signatures__scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await expect(page.getByRole('row', { name: new RegExp(numbers[0]!) })).toBeVisible()
    await expect(page.locator(`tbody tr[aria-rowindex="${SEEDED.length + 1}"]`)).toContainText(
      numbers[0]!,
    )
    expect(await page.locator('tbody tr').count()).toBeLessThan(80)
  })

  test('where the worker cannot start, the same queries run on the page', async ({ page }) => {
    // As in a browser that refuses the worker's script: the table falls back to its page engine.
    await page.route('**/signatures.worker*', (route) => route.abort())
    await openKiosk(page, host)
    const staff = new StaffPage(page)
    await staff.open()
    await staff.tab('Signatures')
    await expect(page.locator('.signatures')).toHaveAttribute('data-transport', 'thread')
    await expect(staff.resultCount()).toHaveText('5000 signatures')
    const germans = SEEDED.filter((r) => r.country === 'DE').length
    await staff.filter('Country', 'Germany')
    await expect(staff.resultCount()).toHaveText(`${germans} of 5000 signatures`)
    const target = SEEDED.filter((r) => r.country === 'DE')[3]!
    await page.getByRole('searchbox', { name: /Search name/ }).fill(target.certificateNo)
    await expect(staff.resultCount()).toHaveText('1 of 5000 signatures')
    await expect(page.getByRole('row', { name: new RegExp(target.certificateNo) })).toBeVisible()
  })

  test('select all matching, hide a column', async ({ page }) => {
    await openKiosk(page, host)
    const staff = new StaffPage(page)
    await staff.open()
    await staff.tab('Signatures')
    await staff.filter('Country', 'Germany')
    const germans = SEEDED.filter((r) => r.country === 'DE').length
    await page.getByRole('button', { name: `Select all ${germans} matching` }).click()
    await expect(page.getByText(`${germans} selected`)).toBeVisible()
    const header = page.getByRole('checkbox', { name: 'Select', exact: true })
    await expect(header).toBeChecked()
    // One row less: the header no longer says all; ticking it selects every matching row again.
    const first = page.locator('tbody tr[aria-rowindex="2"]').getByRole('checkbox')
    await first.uncheck()
    await expect(page.getByText(`${germans - 1} selected`)).toBeVisible()
    await expect(header).not.toBeChecked()
    // The matching ids come from the query engine: the box is ticked once they are selected.
    await header.click()
    await expect(page.getByText(`${germans} selected`)).toBeVisible()
    await expect(header).toBeChecked()
    await expect(first).toBeChecked()
    await page.getByText('Columns').click()
    await page.getByRole('checkbox', { name: 'Email' }).uncheck()
    await expect(page.getByRole('columnheader', { name: 'Email' })).toHaveCount(0)
  })
})

test('withdrawing erases the personal data in IndexedDB and the journal, and survives a restart', async ({
  host,
}) => {
  const browser = await PersistentBrowser.create()
  try {
    const page = await browser.open(host.url)
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
    const { VisitorPage } = await import('../visitor/visitor-page')
    const visitor = new VisitorPage(page)
    await visitor.signUpToReview({
      firstName: 'Ieva',
      lastName: 'Kazlauskaitė',
      email: 'ieva@example.lt',
      countryName: 'Lithuania',
    })
    const certificateNo = await visitor.confirm()
    await page.getByRole('button', { name: 'Finish' }).click()

    const staff = new StaffPage(page)
    await staff.open()
    await staff.tab('Signatures')
    await page.getByRole('button', { name: `Details ${certificateNo}` }).click()
    await page.getByRole('button', { name: 'Withdraw' }).click()
    await page.getByRole('button', { name: 'Erase the personal data' }).click()
    await expect(page.getByText(`Signature ${certificateNo} was withdrawn.`)).toBeVisible()
    await expect(staff.resultCount()).toHaveText('0 signatures')

    expect(await storedSignatures(page)).toEqual([])
    expect(await storedRows(page, 'strokes')).toEqual([])
    expect(await storedRows(page, 'tombstones')).toEqual([
      expect.objectContaining({
        certificateNo,
        syncState: 'pending',
        withdrawnAt: expect.any(String),
      }),
    ])
    expect(await journalEntries(host.dataDir)).toContainEqual(
      expect.objectContaining({ type: 'withdrawal' }),
    )

    // Even a wiped profile restored from the journal does not bring Ieva back.
    await browser.kill()
    const { rm } = await import('node:fs/promises')
    await rm(browser.profileDir, { recursive: true, force: true })
    const again = await browser.open(host.url)
    await expect(again.locator('html')).toHaveAttribute('data-app-state', 'ready')
    expect(await storedSignatures(again)).toEqual([])
    expect((await storedRows(again, 'tombstones')).map((t) => t.certificateNo)).toEqual([
      certificateNo,
    ])
    const audit = await storedRows(again, 'audit')
    expect(JSON.stringify(audit)).not.toContain('Kazlauskait')
  } finally {
    await browser.close()
  }
})
