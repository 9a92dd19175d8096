/**
 * Printing through a REAL CUPS spooler: a private cupsd started by the test, with a virtual
 * printer that runs CUPS's own filter chain and writes the page to a PDF file instead of paper.
 * This checks what the fake-lp tests cannot: that the real `lp` takes our options, that we read
 * the real job ids and queue states, and that the certificate that comes out of the printer
 * carries the visitor's name. Paper, toner and a physical printer's driver are not covered.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { sampleRecord } from '../../shared/testing/sample-record'
import { CertificateDesk } from '../certificate-desk'
import { pdfText, withPdfFile } from '../certificates/testing/poppler'
import { SettingsStore } from '../settings-store'
import { silentLog, useTempDirs } from '../testing/temp-dir'
import { listPrinters } from './printers'
import { printPdf } from './print-pdf'
import { printTestPage } from './test-page'
import { cupsUnavailableReason, startCupsServer, type CupsServer } from './testing/cups-server'
import { useCupsServer } from './testing/use-cups-server'

const unavailable = cupsUnavailableReason()
if (unavailable) console.warn(`skipped: printing through a real CUPS spooler: ${unavailable}`)

const tempDir = useTempDirs()

describe.skipIf(unavailable !== null)('printing through a private CUPS server', () => {
  const server = useCupsServer()
  let cups: CupsServer
  beforeEach(() => {
    cups = server()
  })
  beforeEach(async () => {
    // A job a test left queued must never print into the next test's output.
    await cups.client('cancel', ['-a', cups.printerName])
    await cups.client('cupsenable', [cups.printerName])
    await cups.client('cupsaccept', [cups.printerName])
  })

  const printed = async () => withPdfFile(await cups.printedPdf(), (file) => pdfText(file))

  it('lists the virtual printer as the accepting default', async () => {
    expect(await listPrinters()).toEqual({
      ok: true,
      printers: [{ name: cups.printerName, isDefault: true, accepting: true }],
    })
  })

  it("prints a visitor's certificate: the page that comes out holds the name and number", async () => {
    const dataDir = await tempDir()
    const settings = await SettingsStore.open(dataDir, silentLog)
    await settings.update({ printerName: cups.printerName })
    const record = sampleRecord(7, { firstName: 'Ξανθή', lastName: 'Παπαδοπούλου' })
    const result = await new CertificateDesk(settings, join(dataDir, 'spool')).print(record)
    expect(result).toMatchObject({ ok: true, printer: cups.printerName })
    expect(result.ok && result.jobId).toMatch(new RegExp(`^${cups.printerName}-\\d+$`))
    const text = await printed()
    expect(text).toContain('Ξανθή Παπαδοπούλου')
    expect(text).toContain(record.certificateNo)
  })

  it('prints the staff test page naming the printer', async () => {
    expect(await printTestPage(cups.printerName, { timeoutMs: 20_000 })).toMatchObject({
      ok: true,
    })
    expect(await printed()).toContain(cups.printerName)
  })

  it('a stopped printer keeps the job queued: "not printed", with the job id, by the deadline', async () => {
    await cups.client('cupsdisable', [cups.printerName])
    const pdf = await samplePdf()
    const result = await printPdf(pdf, cups.printerName, {
      timeoutMs: 2_500,
      waitForCompletion: true,
      pollIntervalMs: 200,
    })
    expect(result).toMatchObject({ ok: false, reason: 'not-printed' })
    expect(result.ok ? null : result.jobId).toMatch(new RegExp(`^${cups.printerName}-\\d+$`))
  })

  it("a printer refusing jobs, or one that does not exist, is reported in the spooler's words", async () => {
    await cups.client('cupsreject', [cups.printerName])
    expect(await listPrinters()).toMatchObject({
      printers: [{ name: cups.printerName, accepting: false }],
    })
    const pdf = await samplePdf()
    const refused = await printPdf(pdf, cups.printerName, { timeoutMs: 10_000 })
    expect(refused).toMatchObject({ ok: false, reason: 'rejected' })
    expect(refused.ok || refused.message).toMatch(/not accepting/i)
    const unknown = await printPdf(pdf, 'No_Such_Printer', { timeoutMs: 10_000 })
    expect(unknown).toMatchObject({ ok: false, reason: 'rejected' })
    expect(unknown.ok || unknown.message).toMatch(/does not exist/i)
  })

  it("a print server that cannot start says so in cupsd's own words", async () => {
    // The very line that stopped CI when cupsd 2.4.2-3+deb12u10 began to refuse it.
    await expect(
      startCupsServer('Broken_Printer', { extraFilesConf: ['Printcap'] }),
    ).rejects.toThrow(/did not start[\s\S]*Missing value for Printcap/)
  })

  /** A certificate PDF on disk to hand to lp. */
  async function samplePdf(): Promise<string> {
    const dataDir = await tempDir()
    const settings = await SettingsStore.open(dataDir, silentLog)
    const bytes = await new CertificateDesk(settings, dataDir).render(sampleRecord(1))
    const file = join(dataDir, 'certificate.pdf')
    await writeFile(file, bytes)
    return file
  }
})
