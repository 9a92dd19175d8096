/**
 * Windows printing, checked on Linux: the SumatraPDF command we build, how we read its exit and
 * PowerShell's printer list. Where a program must run, a FAKE SumatraPDF (a shell script) stands
 * in for the real one; nothing here has printed on Windows.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dir'
import { printPdf } from './print-pdf'
import {
  bundledSumatraPath,
  isWindowsPrinterName,
  parseWindowsPrinters,
  printWithSumatra,
  sumatraPrintArgs,
} from './windows'

const tempDir = useTempDirs()

async function fakeSumatra(script: string): Promise<{ exe: string; pdf: string; log: string }> {
  const dir = await tempDir()
  const exe = join(dir, 'SumatraPDF.exe')
  await writeFile(exe, `#!/bin/sh\n${script}\n`)
  await chmod(exe, 0o755)
  const pdf = join(dir, 'certificate.pdf')
  await writeFile(pdf, '%PDF-1.7 fake\n')
  return { exe, pdf, log: join(dir, 'args.txt') }
}

describe('SumatraPDF on Windows', () => {
  it('ships with the kiosk: pdf-to-printer brings the executable', () => {
    expect(bundledSumatraPath()).toMatch(/[\\/]dist[\\/]SumatraPDF[^\\/]*\.exe$/)
  })

  it('prints silently to the named printer, scaled to the paper, the file last', () => {
    expect(sumatraPrintArgs('C:\\kiosk\\c.pdf', 'HP LaserJet Pro (Booth)')).toEqual([
      '-print-to',
      'HP LaserJet Pro (Booth)',
      '-print-settings',
      'fit',
      '-silent',
      '-exit-when-done',
      'C:\\kiosk\\c.pdf',
    ])
  })

  it.runIf(process.platform !== 'win32')(
    'passes exactly those arguments and answers ok on exit 0',
    async () => {
      const fake = await fakeSumatra(`printf '%s\\n' "$@" > "$(dirname "$0")/args.txt"`)
      const result = await printWithSumatra(fake.pdf, 'Booth Printer', 5_000, fake.exe)
      expect(result).toEqual({ ok: true, printer: 'Booth Printer', jobId: null })
      expect((await readFile(fake.log, 'utf8')).trim().split('\n')).toEqual(
        sumatraPrintArgs(fake.pdf, 'Booth Printer'),
      )
    },
  )

  it.runIf(process.platform !== 'win32')(
    'a failing or hanging SumatraPDF is a clear failure by the deadline',
    async () => {
      const failing = await fakeSumatra('exit 1')
      expect(await printWithSumatra(failing.pdf, 'Nope', 5_000, failing.exe)).toMatchObject({
        ok: false,
        reason: 'rejected',
      })
      const hanging = await fakeSumatra('exec sleep 30')
      expect(await printWithSumatra(hanging.pdf, 'Booth', 300, hanging.exe)).toMatchObject({
        ok: false,
        reason: 'timeout',
      })
      expect(await printWithSumatra(hanging.pdf, 'Booth', 300, null)).toMatchObject({
        ok: false,
        reason: 'spooler-missing',
      })
    },
  )

  it('accepts Windows printer names with spaces and shares, never one read as an option', async () => {
    expect(isWindowsPrinterName('HP LaserJet Pro M404 (Booth)')).toBe(true)
    expect(isWindowsPrinterName('\\\\print-server\\Booth A')).toBe(true)
    expect(isWindowsPrinterName('-print-dialog')).toBe(false)
    expect(isWindowsPrinterName('Booth\nPrinter')).toBe(false)
    expect(isWindowsPrinterName('Booth" -print-dialog "x')).toBe(false)
    expect(isWindowsPrinterName('Drucker Büro')).toBe(true)
    const { pdf } = await fakeSumatra('exit 0')
    expect(await printPdf(pdf, '-silent', { platform: 'win32' })).toMatchObject({
      ok: false,
      reason: 'no-printer',
    })
  })
})

describe("PowerShell's printer list", () => {
  it('reads several printers, the default and the offline ones', () => {
    const json =
      '[{"Name":"Microsoft Print to PDF","Default":false,"WorkOffline":false},' +
      '{"Name":"HP LaserJet Pro (Booth)","Default":true,"WorkOffline":false},' +
      '{"Name":"\\\\\\\\srv\\\\Office","Default":false,"WorkOffline":true}]'
    expect(parseWindowsPrinters(json)).toEqual([
      { name: '\\\\srv\\Office', isDefault: false, accepting: false },
      { name: 'HP LaserJet Pro (Booth)', isDefault: true, accepting: true },
      { name: 'Microsoft Print to PDF', isDefault: false, accepting: true },
    ])
  })

  it('reads a single printer (an object, not an array) and no printer at all (no output)', () => {
    expect(parseWindowsPrinters('{"Name":"Booth","Default":true,"WorkOffline":false}\r\n')).toEqual(
      [{ name: 'Booth', isDefault: true, accepting: true }],
    )
    expect(parseWindowsPrinters('  \r\n')).toEqual([])
  })

  it('refuses output it does not understand', () => {
    expect(parseWindowsPrinters('Get-CimInstance : Access denied')).toBeNull()
    expect(parseWindowsPrinters('[{"Default":true}]')).toBeNull()
    expect(parseWindowsPrinters('[null]')).toBeNull()
  })
})
