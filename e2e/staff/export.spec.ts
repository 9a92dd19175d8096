import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import Papa from 'papaparse'
import type { Page } from '@playwright/test'
import { pdfInfo, pdfText, withPdfFile } from '../../electron/services/certificates/testing/poppler'
import {
  cupsUnavailableReason,
  startCupsServer,
  type CupsServer,
} from '../../electron/services/printing/testing/cups-server'
import { CSV_HEADERS } from '../../electron/services/export/csv'
import type { SignatureRecord } from '../../electron/shared/signature'
import { sampleSignatures } from '../../electron/shared/testing/sample-signatures'
import { dayInZone } from '../../electron/shared/time'
import { expect, openKiosk, test } from '../support/fixtures'
import { seedJournal } from '../support/seed-journal'
import { freshDataDir, startWebHost, type WebHostProcess } from '../support/web-host'
import { storedSignatures } from '../visitor/visitor-page'
import { StaffPage } from './staff-page'
import { readFolder, runCli, ToolsPage } from './tools-page'

const TODAY = dayInZone(new Date(), 'Europe/Brussels')
const HOSTILE = '=HYPERLINK("x")'

/**
 * A kiosk whose journal holds these signatures (restored at boot), exporting to its own folder;
 * `env` reaches the host process (a test print server's `CUPS_SERVER`).
 */
async function seededHost(records: readonly SignatureRecord[], env?: Record<string, string>) {
  const dataDir = await freshDataDir()
  const exportsDir = join(dataDir, 'usb-stick')
  await mkdir(exportsDir)
  await seedJournal(dataDir, records)
  const host = await startWebHost({ dataDir, exportsDir, ...(env ? { env } : {}) })
  return { host, exportsDir }
}

async function openConsole(page: Page, host: WebHostProcess): Promise<StaffPage> {
  await openKiosk(page, host)
  const staff = new StaffPage(page)
  await staff.open()
  return staff
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')
const flat = (text: string) => text.replace(/\s+/g, ' ')

test.describe('day export', () => {
  const records = sampleSignatures({
    count: 40,
    seed: 31,
    kioskId: 'B01',
    eventCode: 'EWRC26',
    firstDay: TODAY,
    languages: ['en', 'fr', 'de'],
  })
  records[3] = { ...records[3]!, firstName: HOSTILE }
  const withdrawn = records[5]!
  // Another day's signatures must stay out of today's batch.
  const yesterday = sampleSignatures({
    count: 10,
    seed: 32,
    firstSeq: 41,
    kioskId: 'B01',
    eventCode: 'EWRC26',
    firstDay: '2026-10-12',
  })

  let host: WebHostProcess
  let exportsDir: string
  test.beforeEach(async () => {
    ;({ host, exportsDir } = await seededHost([...records, ...yesterday]))
  })
  test.afterEach(async () => {
    await host.stop()
  })

  test('writes a byte-checked batch that re-exports identically and verifies with the CLI; a tampered copy is refused', async ({
    page,
  }) => {
    const staff = await openConsole(page, host)
    // A withdrawal today: its tombstone and audit line travel with the batch, the person does not.
    await staff.tab('Signatures')
    await page.getByRole('searchbox', { name: /Search name/ }).fill(withdrawn.certificateNo)
    await page.getByRole('button', { name: `Details ${withdrawn.certificateNo}` }).click()
    await page.getByRole('button', { name: 'Withdraw' }).click()
    await page.getByRole('button', { name: 'Erase the personal data' }).click()
    await expect(
      page.getByText(`Signature ${withdrawn.certificateNo} was withdrawn.`),
    ).toBeVisible()

    await staff.tab('Export')
    const tools = new ToolsPage(page)
    const folder = await tools.exportDay(TODAY)
    expect(folder).toBe(join(exportsDir, `EWRC26-B01-${TODAY}`))
    const files = await readFolder(folder)
    expect(Object.keys(files)).toEqual([
      'audit.json',
      'manifest.json',
      'signatures.csv',
      'signatures.json',
    ])
    const kept = records
      .filter((r) => r.id !== withdrawn.id)
      .sort((a, b) => a.certificateNo.localeCompare(b.certificateNo))

    // CSV: BOM, CRLF, the documented columns, one row per signature, the formula neutralised.
    const csv = files['signatures.csv']!
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.toString('utf8')).toContain('\r\n')
    const parsed = Papa.parse<Record<string, string>>(csv.toString('utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual(CSV_HEADERS)
    expect(parsed.data.map((row) => row[CSV_HEADERS[0]!])).toEqual(kept.map((r) => r.certificateNo))
    const hostileRow = parsed.data.find((row) => row[CSV_HEADERS[0]!] === records[3]!.certificateNo)
    expect(hostileRow?.[CSV_HEADERS[4]!]).toBe(`'${HOSTILE}`)

    // JSON: the full records (exact values), the withdrawal as a tombstone only.
    const signatures = JSON.parse(files['signatures.json']!.toString('utf8')) as {
      records: SignatureRecord[]
      withdrawals: { id: string; certificateNo: string }[]
    }
    expect(signatures.records.map((r) => [r.certificateNo, r.firstName, r.lastName])).toEqual(
      kept.map((r) => [r.certificateNo, r.firstName, r.lastName]),
    )
    expect(signatures.withdrawals).toEqual([
      expect.objectContaining({ id: withdrawn.id, certificateNo: withdrawn.certificateNo }),
    ])
    const everything = Object.values(files)
      .map((f) => f.toString('utf8'))
      .join('\n')
    expect(everything).not.toContain(withdrawn.lastName)
    expect(everything).not.toContain(yesterday[0]!.certificateNo)

    // The day's audit log: the PIN set and the withdrawal, never the export itself.
    const audit = JSON.parse(files['audit.json']!.toString('utf8')) as {
      entries: { action: string; detail: string }[]
    }
    const actions = audit.entries.map((e) => e.action)
    expect(actions).toContain('pin-change')
    expect(actions).toContain('withdrawal')
    expect(actions).not.toContain('export')

    // The manifest counts and fingerprints every file.
    const manifest = JSON.parse(files['manifest.json']!.toString('utf8')) as {
      counts: Record<string, number>
      files: Record<string, { bytes: number; sha256: string }>
    }
    expect(manifest.counts).toMatchObject({
      records: kept.length,
      withdrawals: 1,
      auditEntries: audit.entries.length,
    })
    for (const name of ['signatures.csv', 'signatures.json', 'audit.json']) {
      expect(manifest.files[name]).toEqual({
        bytes: files[name]!.length,
        sha256: sha256(files[name]!),
      })
    }
    const verified = await runCli('verify', folder)
    expect(verified.output).toMatch(new RegExp(`records:\\s+${kept.length}\\n`))
    expect(verified.code).toBe(0)

    // Re-export: the very same bytes, although an export line was added to the log meanwhile.
    await expect(
      page.getByRole('region', { name: 'Recent exports and certificate PDFs' }),
    ).toContainText(`Exported ${TODAY}: ${kept.length} signature(s), 1 withdrawal(s)`)
    await tools.exportDay(TODAY)
    expect(await readFolder(folder)).toEqual(files)

    // A doctored copy is refused, naming the file.
    const tampered = files['signatures.csv']!.toString('utf8').replace(kept[0]!.lastName, 'Mallory')
    await writeFile(join(folder, 'signatures.csv'), tampered)
    const refused = await runCli('verify', folder)
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('signatures.csv')
  })
})

test.describe('bulk certificates', () => {
  const records = sampleSignatures({
    count: 90,
    seed: 41,
    kioskId: 'B01',
    eventCode: 'EWRC26',
    firstDay: '2026-10-12',
    days: 2,
    languages: ['en', 'fr', 'de'],
  })
  let host: WebHostProcess
  let exportsDir: string
  test.beforeEach(async () => {
    ;({ host, exportsDir } = await seededHost(records))
  })
  test.afterEach(async () => {
    await host.stop()
  })

  test("a filter's certificates are one PDF, a page per signature in number order, with the names", async ({
    page,
  }) => {
    const staff = await openConsole(page, host)
    await staff.tab('Export')
    const tools = new ToolsPage(page)
    const expected = records
      .filter((r) => r.day === '2026-10-13' && r.capacity === 'organisation')
      .sort((a, b) => a.certificateNo.localeCompare(b.certificateNo))
    expect(expected.length).toBeGreaterThan(5)
    await tools.bulkCard().getByRole('combobox', { name: 'Day' }).selectOption('2026-10-13')
    await tools.bulkCard().getByRole('combobox', { name: 'Signing' }).selectOption('organisation')
    await expect(page.getByTestId('bulk-count')).toHaveText(`${expected.length} certificates match`)

    const path = await tools.certificatesFor({})
    expect(path).toBe(join(exportsDir, 'EWRC26-B01-certificates-2026-10-13-organisation.pdf'))
    expect((await pdfInfo(path)).Pages).toBe(String(expected.length))
    for (const [index, record] of expected.entries()) {
      const text = flat(await pdfText(path, index + 1))
      expect(text).toContain(record.certificateNo)
      expect(text).toContain(`${record.firstName} ${record.lastName}`)
    }

    // The web host also hands the PDF to the browser.
    const download = page.waitForEvent('download')
    await tools.bulkCard().getByRole('button', { name: 'Download the PDF' }).click()
    const file = await (await download).path()
    expect((await readFile(file)).equals(await readFile(path))).toBe(true)
  })

  test('with no printer chosen, "Send to printer" says so in plain words, logs it and changes nothing else', async ({
    page,
  }) => {
    const staff = await openConsole(page, host)
    await staff.tab('Export')
    const tools = new ToolsPage(page)
    const path = await tools.certificatesFor({ day: '2026-10-12' })
    const before = await readFolder(exportsDir)
    expect(Object.keys(before)).toEqual([path.slice(exportsDir.length + 1)])
    const recent = page.getByRole('region', { name: 'Recent exports and certificate PDFs' })
    await expect(recent.getByRole('listitem')).toHaveCount(1)

    const card = tools.bulkCard()
    await card.getByRole('button', { name: 'Send to printer' }).click()
    await expect(card.getByRole('alert')).toHaveText('No printer is chosen in the settings.')
    // The PDF is still offered, untouched; nothing was written, nothing marked printed.
    await expect(card.getByTestId('certificates-path')).toHaveText(path)
    await expect(card.getByRole('button', { name: 'Download the PDF' })).toBeVisible()
    await expect(card.getByRole('button', { name: 'Send to printer' })).toBeEnabled()
    expect(await readFolder(exportsDir)).toEqual(before)
    await expect(recent.getByRole('listitem')).toHaveCount(1)
    expect((await storedSignatures(page)).filter((row) => row['printedAt'])).toEqual([])
    // The audit log says what was tried and why it failed.
    await staff.tab('Audit log')
    const count = records.filter((r) => r.day === '2026-10-12').length
    await expect(
      page.getByRole('row', { name: /Send to printer/ }).getByRole('cell', {
        name: `Certificates not sent to the printer (${count} certificates, ${basename(path)}): No printer is chosen in the settings.`,
      }),
    ).toBeVisible()
  })

  test("the table's selection prints as one PDF and exports as one verifiable batch per day", async ({
    page,
  }) => {
    const staff = await openConsole(page, host)
    await staff.tab('Signatures')
    await staff.filter('Country', 'Germany')
    const germans = records
      .filter((r) => r.country === 'DE')
      .sort((a, b) => a.certificateNo.localeCompare(b.certificateNo))
    expect(germans.length).toBeGreaterThan(1)
    await page.getByRole('button', { name: `Select all ${germans.length} matching` }).click()

    await page.getByRole('button', { name: `Print certificates (${germans.length})` }).click()
    const dialog = page.getByRole('dialog')
    const pdf = dialog.getByTestId('certificates-path')
    await expect(pdf).toBeVisible({ timeout: 60_000 })
    const path = (await pdf.textContent()) ?? ''
    expect(path).toMatch(/EWRC26-B01-certificates-selection-\d{8}-\d{6}\.pdf$/)
    expect((await pdfInfo(path)).Pages).toBe(String(germans.length))
    expect(flat(await pdfText(path, 1))).toContain(germans[0]!.certificateNo)
    // The dialog offers the same "Send to printer" as the Export tab.
    await dialog.getByRole('button', { name: 'Send to printer' }).click()
    await expect(dialog.getByRole('alert')).toHaveText('No printer is chosen in the settings.')
    await dialog.getByRole('button', { name: 'Close' }).click()

    await page.getByRole('button', { name: 'Export selection' }).click()
    await expect(dialog.getByTestId('export-encryption')).toContainText('Not encrypted.')
    const plain = dialog.getByRole('button', { name: 'Export without encryption' })
    await expect(plain).toBeDisabled()
    await dialog.getByRole('checkbox', { name: /Export without encryption/ }).check()
    await plain.click()
    const result = dialog.getByTestId('export-result-folder')
    await expect(result).toBeVisible({ timeout: 30_000 })
    const folder = (await result.textContent()) ?? ''
    expect(folder).toMatch(new RegExp(`^${exportsDir}/EWRC26-B01-selection-\\d{8}-\\d{6}$`))
    const days = [...new Set(germans.map((r) => r.day))].sort()
    expect(await readdir(folder)).toEqual(days.map((day) => `EWRC26-B01-${day}`))
    let total = 0
    for (const day of days) {
      const batch = join(folder, `EWRC26-B01-${day}`)
      const verified = await runCli('verify', batch)
      expect(verified.code).toBe(0)
      total += Number(/records:\s+(\d+)/.exec(verified.output)?.[1])
    }
    expect(total).toBe(germans.length)
  })
})

test('cancelling bulk certificates stops the writer and leaves no file', async ({ page }) => {
  const records = sampleSignatures({
    count: 1_500,
    seed: 51,
    kioskId: 'B01',
    eventCode: 'EWRC26',
    firstDay: '2026-10-12',
  })
  const { host, exportsDir } = await seededHost(records)
  try {
    const staff = await openConsole(page, host)
    await staff.tab('Export')
    const card = new ToolsPage(page).bulkCard()
    await expect(page.getByTestId('bulk-count')).toHaveText('1,500 certificates match')
    await card.getByRole('button', { name: /Create PDF/ }).click()
    await expect(card.getByText(/Certificates written: [1-9][\d,]* of 1,500/)).toBeVisible({
      timeout: 30_000,
    })
    await card.getByRole('button', { name: 'Cancel' }).click()
    await expect(card.getByText('Cancelled. Nothing was written.')).toBeVisible()
    await expect.poll(() => readdir(exportsDir), { timeout: 15_000 }).toEqual([])
    // Nothing went to the log either, and a new job can start.
    await staff.tab('Audit log')
    await expect(page.getByRole('cell', { name: /certificate\(s\) in/ })).toHaveCount(0)
  } finally {
    await host.stop()
  }
})

test.describe('bulk certificates on a real print system', () => {
  const unavailable = cupsUnavailableReason()
  test.skip(unavailable !== null, `skipped: no private CUPS server: ${unavailable}`)

  const records = sampleSignatures({
    count: 40,
    seed: 61,
    kioskId: 'B01',
    eventCode: 'EWRC26',
    firstDay: '2026-10-12',
    days: 2,
  })
  let cups: CupsServer
  let host: WebHostProcess
  test.beforeEach(async () => {
    cups = await startCupsServer('Booth_Printer')
    ;({ host } = await seededHost(records, cups.env))
  })
  test.afterEach(async () => {
    await host?.stop()
    await cups?.stop()
  })

  test('"Send to printer" prints the PDF, writes an audit line and marks exactly its signatures printed', async ({
    page,
  }) => {
    const staff = await openConsole(page, host)
    await staff.choosePrinter('Booth_Printer')

    await staff.tab('Export')
    const tools = new ToolsPage(page)
    const inPdf = records
      .filter((r) => r.day === '2026-10-13')
      .sort((a, b) => a.certificateNo.localeCompare(b.certificateNo))
    const other = records.find((r) => r.day === '2026-10-12')!
    expect(inPdf.length).toBeGreaterThan(1)
    const path = await tools.certificatesFor({ day: '2026-10-13' })
    const card = tools.bulkCard()
    await card.getByRole('button', { name: 'Send to printer' }).click()
    const status = card.getByTestId('bulk-print-status')
    await expect(status).toHaveText(/^Sent to Booth_Printer \(job Booth_Printer-\d+\)\.$/, {
      timeout: 60_000,
    })
    const printJob = /job (Booth_Printer-\d+)/.exec((await status.textContent()) ?? '')![1]!

    // Every certificate page came out of the virtual printer, in number order.
    const printed = await cups.printedPdf(60_000)
    await withPdfFile(printed, async (file) => {
      expect((await pdfInfo(file)).Pages).toBe(String(inPdf.length))
      expect(flat(await pdfText(file, 1))).toContain(inPdf[0]!.certificateNo)
      expect(flat(await pdfText(file, inPdf.length))).toContain(inPdf.at(-1)!.certificateNo)
    })

    // The audit log names the printer, the count, the file and the spooler's job.
    await staff.tab('Audit log')
    await expect(
      page.getByRole('row', { name: /Send to printer/ }).getByRole('cell', {
        name: `Certificates sent to Booth_Printer: ${inPdf.length} certificates (${basename(path)}), job ${printJob}`,
      }),
    ).toBeVisible()

    // Exactly the PDF's signatures are marked printed, and the table shows it.
    const marked = (await storedSignatures(page))
      .filter((row) => row['printedAt'])
      .map((row) => row['id'])
    expect(new Set(marked)).toEqual(new Set(inPdf.map((r) => r.id)))
    await staff.tab('Signatures')
    const headers = page.getByRole('columnheader')
    await expect(headers.filter({ hasText: /^\s*Printed/ })).toBeVisible()
    const printedColumn = (await headers.allTextContents()).findIndex((text) =>
      text.trim().startsWith('Printed'),
    )
    expect(printedColumn).toBeGreaterThanOrEqual(0)
    for (const [record, shown] of [
      [inPdf[0]!, 'Yes'],
      [other, 'No'],
    ] as const) {
      await page.getByRole('searchbox', { name: /Search name/ }).fill(record.certificateNo)
      const row = page.getByRole('row', { name: new RegExp(record.certificateNo) })
      await expect(row.getByRole('cell').nth(printedColumn)).toHaveText(shown)
    }
  })
})
