/**
 * These tests never reach a printer: each one puts a tiny FAKE `lp` / `lpstat` shell script first
 * on PATH to play the spooler (accepting, refusing, hanging, queueing). They check our handling of
 * the spooler's answers and deadlines, not real printing, which needs a printer.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dir'
import { listPrinters } from './printers'
import { printPdf } from './print-pdf'
import { printTestPage, renderTestPage } from './test-page'

const tempDir = useTempDirs()
const realPath = process.env.PATH
let fakeBin = ''
let work = ''
let pdf = ''

/** Installs a fake spooler command (a shell script) for this test only. */
async function fakeCommand(name: 'lp' | 'lpstat', script: string): Promise<void> {
  const file = join(fakeBin, name)
  await writeFile(file, `#!/bin/sh\n${script}\n`)
  await chmod(file, 0o755)
}

beforeEach(async () => {
  fakeBin = await tempDir()
  work = await tempDir()
  pdf = join(work, 'certificate.pdf')
  await writeFile(pdf, '%PDF-1.7 fake content for the fake lp\n')
  // Only the fake bin and the basics /bin/sh needs: a real lp on this machine must not be reached.
  process.env.PATH = `${fakeBin}:/usr/bin:/bin`
})
afterEach(() => {
  process.env.PATH = realPath
})

const unix = process.platform !== 'win32'

describe.runIf(unix)('printPdf with a fake lp on PATH', () => {
  it('passes printer and file to lp and returns the job id', async () => {
    const log = join(work, 'args.txt')
    await fakeCommand(
      'lp',
      `printf '%s\\n' "$@" > '${log}'\necho "request id is Booth_Printer-42 (1 file(s))"`,
    )
    const result = await printPdf(pdf, 'Booth_Printer', { timeoutMs: 5_000 })
    expect(result).toEqual({ ok: true, printer: 'Booth_Printer', jobId: 'Booth_Printer-42' })
    const args = (await readFile(log, 'utf8')).trim().split('\n')
    expect(args.slice(0, 2)).toEqual(['-d', 'Booth_Printer'])
    expect(args.slice(-2)).toEqual(['--', pdf])
  })

  it('reports the spooler refusal in its own words', async () => {
    await fakeCommand('lp', `echo "lp: The printer or class does not exist." >&2\nexit 1`)
    const result = await printPdf(pdf, 'Nope', { timeoutMs: 5_000 })
    expect(result).toMatchObject({ ok: false, reason: 'rejected' })
    expect(result.ok || result.message).toContain('The printer or class does not exist.')
  })

  it('gives up at the deadline when lp hangs, instead of hanging the kiosk', async () => {
    await fakeCommand('lp', 'exec sleep 30')
    // The fake sleeps 30 s, as long as vitest's own test timeout: only our deadline can end it.
    const result = await printPdf(pdf, 'Booth', { timeoutMs: 400 })
    expect(result).toMatchObject({ ok: false, reason: 'timeout' })
  })

  it('says so when lp is not installed', async () => {
    process.env.PATH = fakeBin
    const result = await printPdf(pdf, 'Booth', { timeoutMs: 5_000 })
    expect(result).toMatchObject({ ok: false, reason: 'spooler-missing' })
  })

  it('refuses without calling lp when no printer is chosen, the name is unsafe or the file is missing', async () => {
    const called = join(work, 'called')
    await fakeCommand('lp', `touch '${called}'`)
    expect(await printPdf(pdf, '  ')).toMatchObject({ ok: false, reason: 'no-printer' })
    expect(await printPdf(pdf, '-oraw')).toMatchObject({ ok: false, reason: 'no-printer' })
    expect(await printPdf(pdf, 'a b')).toMatchObject({ ok: false, reason: 'no-printer' })
    expect(await printPdf(join(work, 'absent.pdf'), 'Booth')).toMatchObject({
      ok: false,
      reason: 'file-missing',
    })
    await expect(readFile(called)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('waits for the job to leave the queue when asked', async () => {
    const polls = join(work, 'polls')
    await fakeCommand('lp', 'echo "request id is Booth-7 (1 file(s))"')
    // The fake queue holds the job for the first two looks, then it is gone (printed).
    await fakeCommand(
      'lpstat',
      `echo x >> '${polls}'\nif [ "$(wc -l < '${polls}')" -le 2 ]; then echo "Booth-7  kiosk  1024  Tue 13 Oct"; fi`,
    )
    const result = await printPdf(pdf, 'Booth', {
      timeoutMs: 5_000,
      waitForCompletion: true,
      pollIntervalMs: 20,
    })
    expect(result).toEqual({ ok: true, printer: 'Booth', jobId: 'Booth-7' })
    expect((await readFile(polls, 'utf8')).trim().split('\n')).toHaveLength(3)
  })

  it('reports a job stuck in the queue as not printed, with its id, by the deadline', async () => {
    await fakeCommand('lp', 'echo "request id is Booth-8 (1 file(s))"')
    await fakeCommand('lpstat', 'echo "Booth-8  kiosk  1024  Tue 13 Oct"')
    const result = await printPdf(pdf, 'Booth', {
      timeoutMs: 500,
      waitForCompletion: true,
      pollIntervalMs: 50,
    })
    expect(result).toMatchObject({ ok: false, reason: 'not-printed', jobId: 'Booth-8' })
  })
})

describe.runIf(unix)('printTestPage with a fake lp on PATH', () => {
  it('sends a one-page PDF test page', async () => {
    const copy = join(work, 'printed.pdf')
    await fakeCommand(
      'lp',
      `for last; do :; done\ncp "$last" '${copy}'\necho "request id is Booth-1 (1 file(s))"`,
    )
    expect(await printTestPage('Booth', { timeoutMs: 10_000 })).toMatchObject({ ok: true })
    const printed = await readFile(copy)
    expect(printed.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('renders a test page naming the printer', async () => {
    const bytes = Buffer.from(
      await renderTestPage('Booth_Printer', new Date('2026-10-13T08:00:00Z')),
    )
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(bytes.toString('latin1')).toContain('/Count 1')
  })
})

describe.runIf(unix)('listPrinters with a fake lpstat on PATH', () => {
  it('lists queues, marks the default and those refusing jobs', async () => {
    await fakeCommand(
      'lpstat',
      [
        'case "$1" in',
        '  -a) echo "Booth_Printer accepting requests since Tue 13 Oct 2026"; echo "Office not accepting requests since Mon 12 Oct 2026 -";;',
        '  -e) echo "Booth_Printer"; echo "Office"; echo "PDF_Writer";;',
        '  -d) echo "system default destination: Office";;',
        '  -p) echo "printer Booth_Printer is idle.  enabled since Tue 13 Oct 2026"; echo "printer PDF_Writer disabled since Tue 13 Oct 2026 -"; echo "	Paused";;',
        'esac',
      ].join('\n'),
    )
    expect(await listPrinters()).toEqual({
      ok: true,
      printers: [
        { name: 'Booth_Printer', isDefault: false, accepting: true },
        { name: 'Office', isDefault: true, accepting: false },
        { name: 'PDF_Writer', isDefault: false, accepting: true, paused: true },
      ],
    })
  })

  it('returns an empty list when no printer is set up', async () => {
    await fakeCommand(
      'lpstat',
      'case "$1" in\n  -d) echo "no system default destination";;\n  *) echo "lpstat: No destinations added." >&2; exit 1;;\nesac',
    )
    expect(await listPrinters()).toEqual({ ok: true, printers: [] })
  })

  it('reports a print system that is not running', async () => {
    await fakeCommand('lpstat', 'echo "lpstat: Scheduler is not running." >&2\nexit 1')
    expect(await listPrinters()).toMatchObject({
      ok: false,
      reason: 'scheduler-stopped',
      detail: 'lpstat: Scheduler is not running.',
    })
  })

  it('does not hang on a stuck lpstat', async () => {
    await fakeCommand('lpstat', 'exec sleep 30')
    expect(await listPrinters({ timeoutMs: 300 })).toMatchObject({ ok: false, reason: 'timeout' })
  })
})
