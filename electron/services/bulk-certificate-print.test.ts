/**
 * Sending a finished bulk certificate PDF to the printer. Most tests never reach a print system:
 * each puts a tiny FAKE `lp` (and a FAKE `lpstat`) shell script first on PATH to play the CUPS
 * spooler, to check which file goes to which printer, the deadline and the refusals. The last
 * one prints through a private REAL cupsd with a virtual PDF printer (no paper, no physical
 * printer driver), where one is installed.
 */
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodName } from '../shared/api'
import { sampleSignatures } from '../shared/testing/sample-signatures'
import { BulkCertificateDesk } from './bulk-certificate-desk'
import { pageCount, pdfText, withPdfFile } from './certificates/testing/poppler'
import { dispatch } from './dispatch'
import { ExportFolders } from './export-folders'
import { openKioskServices } from './kiosk-services'
import { cupsUnavailableReason, type CupsServer } from './printing/testing/cups-server'
import { useCupsServer } from './printing/testing/use-cups-server'
import { SettingsStore } from './settings-store'
import { silentLog, useTempDirs } from './testing/temp-dir'

const newDir = useTempDirs()
const realPath = process.env.PATH
const RECORDS = sampleSignatures({ count: 3, seed: 12, firstDay: '2026-10-13', languages: ['en'] })
const UNKNOWN_JOB = '0190f5a4-7b2e-7c3d-8e4f-a1b2c3d4e5f6'

let fakeBin = ''
let spooled = ''

/** Installs a FAKE spooler command (a shell script) for this test only. */
async function fakeCommand(name: 'lp' | 'lpstat', script: string): Promise<void> {
  const file = join(fakeBin, name)
  await writeFile(file, `#!/bin/sh\n${script}\n`)
  await chmod(file, 0o755)
}

/** A FAKE `lp` that notes its arguments and accepts the job as CUPS does. */
const ACCEPTING_LP = () =>
  fakeCommand(
    'lp',
    `printf '%s\\n' "$@" > '${join(spooled, 'lp-args')}'\necho "request id is Booth_Printer-42 (1 file(s))"`,
  )

const lpArgs = async () => (await readFile(join(spooled, 'lp-args'), 'utf8')).trim().split('\n')
const lpWasCalled = () => readdir(spooled).then((names) => names.includes('lp-args'))

/** Puts the FAKE spooler first on PATH for each test of the calling `describe`. */
function useFakeSpooler() {
  beforeEach(async () => {
    fakeBin = await newDir()
    spooled = await newDir()
    // A FAKE `lpstat` that leaves a mark: the bulk print must not wait for the queue to empty.
    await fakeCommand('lpstat', `touch '${join(spooled, 'lpstat-called')}'`)
    // Only the fake bin and what /bin/sh needs: a real lp on this machine must not be reached.
    process.env.PATH = `${fakeBin}:/usr/bin:/bin`
  })
  afterEach(() => {
    process.env.PATH = realPath
  })
}

async function desk(options: { printer?: string; printTimeoutMs?: number } = {}) {
  const dataDir = await newDir()
  const settings = await SettingsStore.open(dataDir, silentLog)
  if (options.printer) await settings.update({ printerName: options.printer })
  const certificates = new BulkCertificateDesk({
    settings,
    folders: new ExportFolders(join(dataDir, 'exports')),
    ...(options.printTimeoutMs ? { printTimeoutMs: options.printTimeoutMs } : {}),
  })
  return { certificates, exportsDir: join(dataDir, 'exports') }
}

/** A finished PDF of the sample records; resolves with its job id and path. */
async function finishedPdf(certificates: BulkCertificateDesk) {
  const { jobId, path } = await certificates.begin({ label: 'to-print', total: RECORDS.length })
  await certificates.add(jobId, RECORDS)
  await certificates.finish(jobId)
  return { jobId, path }
}

const unix = process.platform !== 'win32'

describe.runIf(unix)('BulkCertificateDesk.print with a FAKE lp on PATH', () => {
  useFakeSpooler()

  it("sends the job's own PDF to the printer in settings and answers once the queue has it", async () => {
    await ACCEPTING_LP()
    const { certificates } = await desk({ printer: 'Booth_Printer' })
    const { jobId, path } = await finishedPdf(certificates)
    expect(await certificates.print(jobId)).toEqual({
      ok: true,
      printer: 'Booth_Printer',
      jobId: 'Booth_Printer-42',
    })
    const args = await lpArgs()
    expect(args.slice(0, 2)).toEqual(['-d', 'Booth_Printer'])
    expect(args).toContain('EWRC26-B01-certificates-to-print.pdf')
    expect(args.slice(-2)).toEqual(['--', path])
    // Handed to the queue is enough: nobody waits for thousands of pages to come out.
    expect(await readdir(spooled)).not.toContain('lpstat-called')
    // The PDF stays where it was, for the file or a second print.
    expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('says no printer is chosen, without calling lp, when settings name none', async () => {
    await ACCEPTING_LP()
    const { certificates, exportsDir } = await desk()
    const { jobId } = await finishedPdf(certificates)
    expect(await certificates.print(jobId)).toEqual({
      ok: false,
      reason: 'no-printer',
      message: 'No printer is chosen in the settings.',
    })
    expect(await lpWasCalled()).toBe(false)
    expect(await readdir(exportsDir)).toEqual(['EWRC26-B01-certificates-to-print.pdf'])
  })

  it('refuses an unknown, unfinished or cancelled job with a typed error, and prints nothing', async () => {
    await ACCEPTING_LP()
    const { certificates } = await desk({ printer: 'Booth_Printer' })
    await expect(certificates.print(UNKNOWN_JOB)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('no finished certificate PDF') as unknown,
    })

    const writing = await certificates.begin({ label: 'writing', total: RECORDS.length })
    await certificates.add(writing.jobId, RECORDS.slice(0, 1))
    await expect(certificates.print(writing.jobId)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('not finished yet') as unknown,
    })

    await certificates.cancel(writing.jobId)
    await expect(certificates.print(writing.jobId)).rejects.toMatchObject({ code: 'not-found' })
    expect(await lpWasCalled()).toBe(false)
  })

  it('gives up at its deadline when the spooler hangs, instead of hanging the console', async () => {
    // The FAKE lp sleeps as long as vitest's own test timeout: only our deadline can end it.
    await fakeCommand('lp', 'exec sleep 30')
    const { certificates } = await desk({ printer: 'Booth', printTimeoutMs: 400 })
    const { jobId } = await finishedPdf(certificates)
    expect(await certificates.print(jobId)).toMatchObject({ ok: false, reason: 'timeout' })
  })

  it('sends one job once at a time: a second press while the first is on its way is refused', async () => {
    await fakeCommand('lp', 'sleep 1\necho "request id is Booth-9 (1 file(s))"')
    const { certificates } = await desk({ printer: 'Booth' })
    const { jobId } = await finishedPdf(certificates)
    const first = certificates.print(jobId)
    await expect(certificates.print(jobId)).rejects.toMatchObject({ code: 'conflict' })
    expect(await first).toMatchObject({ ok: true, jobId: 'Booth-9' })
    // Once it has been sent, another copy may be printed.
    expect(await certificates.print(jobId)).toMatchObject({ ok: true })
  })
})

describe.runIf(unix)('certificates:bulk-print through the contract, with a FAKE lp on PATH', () => {
  useFakeSpooler()

  async function kiosk() {
    const dataDir = await newDir()
    const services = await openKioskServices({ dataDir, runtime: 'web', log: silentLog })
    const call = (name: MethodName, input?: unknown) =>
      dispatch(services.api, name, input, silentLog)
    return { services, call }
  }

  it('is refused while the console is locked, and prints nothing', async () => {
    await ACCEPTING_LP()
    const { call, services } = await kiosk()
    await call('setStaffPin', { pin: '482913' })
    await call('updateSettings', { printerName: 'Booth_Printer' })
    const started = await call('beginCertificates', { label: 'locked', total: 1 })
    if (!started.ok) throw new Error(started.error.message)
    const { jobId } = started.value as { jobId: string }
    await call('addCertificates', { jobId, records: RECORDS.slice(0, 1) })
    expect(await call('finishCertificates', { jobId })).toMatchObject({ ok: true })

    await call('lockStaff')
    expect(await call('printCertificates', { jobId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await lpWasCalled()).toBe(false)
    expect(services.settings.publicView().printerName).toBe('Booth_Printer')

    // Unlocked again, the same job prints.
    expect(await call('unlockStaff', { pin: '482913' })).toEqual({ ok: true, value: { ok: true } })
    expect(await call('printCertificates', { jobId })).toEqual({
      ok: true,
      value: { ok: true, printer: 'Booth_Printer', jobId: 'Booth_Printer-42' },
    })
  })

  it('takes a job reference only: a path or a malformed id is refused before any handler runs', async () => {
    await ACCEPTING_LP()
    const { call } = await kiosk()
    await call('setStaffPin', { pin: '482913' })
    for (const input of [
      { jobId: '/etc/passwd' },
      { jobId: UNKNOWN_JOB, path: '/etc/passwd' },
      { path: '/etc/passwd' },
      undefined,
    ]) {
      expect(await call('printCertificates', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      })
    }
    expect(await call('printCertificates', { jobId: UNKNOWN_JOB })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(await lpWasCalled()).toBe(false)
  })
})

const noCups = cupsUnavailableReason()
if (noCups) console.warn(`skipped: a bulk PDF through a real CUPS spooler: ${noCups}`)

describe.skipIf(!unix || noCups !== null)('a bulk PDF through a private REAL CUPS server', () => {
  const server = useCupsServer()
  let cups: CupsServer
  beforeEach(() => {
    cups = server()
  })

  it('comes out of the virtual printer with every page: one certificate each, in order', async () => {
    const { certificates } = await desk({ printer: cups.printerName })
    const { jobId } = await finishedPdf(certificates)
    const result = await certificates.print(jobId)
    expect(result).toMatchObject({ ok: true, printer: cups.printerName })
    expect(result.ok && result.jobId).toMatch(new RegExp(`^${cups.printerName}-\\d+$`))
    await withPdfFile(await cups.printedPdf(), async (file) => {
      expect(await pageCount(file)).toBe(RECORDS.length)
      for (const [index, record] of RECORDS.entries()) {
        expect(await pdfText(file, index + 1)).toContain(record.certificateNo)
      }
    })
  })
})
