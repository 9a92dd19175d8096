/**
 * Printing on Windows, which has no CUPS: PDFs go to the printer through SumatraPDF's silent
 * print mode (the viewer bundled by the pdf-to-printer package), and the printer list comes from
 * PowerShell's Win32_Printer. Both run through runCommand, so a stuck driver or spooler ends at
 * the deadline like on CUPS.
 *
 * NOT RUN ON WINDOWS YET: the project's machines are Linux. The unit tests check the commands we
 * build and the answers we parse; the first Windows kiosk must print a test page before an event.
 */
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { firstLine, runCommand, type CommandOutcome } from './run-command'
import type { Printer, PrinterList, PrintFailure, PrintResult } from './types'

/** SumatraPDF as shipped inside pdf-to-printer; in a packaged app it is unpacked from the asar. */
export function bundledSumatraPath(): string | null {
  let dist: string
  try {
    const require = createRequire(import.meta.url)
    dist = join(dirname(require.resolve('pdf-to-printer/package.json')), 'dist')
  } catch {
    return null
  }
  dist = dist.replace(`app.asar${sepOf(dist)}`, `app.asar.unpacked${sepOf(dist)}`)
  if (!existsSync(dist)) return null
  const exe = readdirSync(dist).find((name) => /^SumatraPDF.*\.exe$/i.test(name))
  return exe ? join(dist, exe) : null
}

function sepOf(path: string): string {
  return path.includes('\\') ? '\\' : '/'
}

/**
 * Windows printer names: printable, up to 200 characters, never read as an option, and without
 * '"' (Windows does not allow it in printer names, and SumatraPDF parses its own command line).
 */
export function isWindowsPrinterName(name: string): boolean {
  if (name.length < 1 || name.length > 200 || name.startsWith('-')) return false
  return [...name].every((ch) => {
    const code = ch.codePointAt(0) ?? 0
    return code >= 0x20 && !(code >= 0x7f && code <= 0x9f) && ch !== '"'
  })
}

/** SumatraPDF's arguments: print silently to that printer, scaled to the paper, then exit. */
export function sumatraPrintArgs(file: string, printer: string): string[] {
  return ['-print-to', printer, '-print-settings', 'fit', '-silent', '-exit-when-done', file]
}

/**
 * Sends a PDF to a Windows printer. SumatraPDF exits once the job is handed to the Windows
 * spooler; whether paper came out is not known here, so the job id is null.
 */
export async function printWithSumatra(
  file: string,
  printer: string,
  timeoutMs: number,
  exe: string | null = bundledSumatraPath(),
): Promise<PrintResult> {
  if (!exe) {
    return {
      ok: false,
      reason: 'spooler-missing',
      message:
        'The PDF printing helper (SumatraPDF from pdf-to-printer) is missing from the kiosk.',
    }
  }
  const outcome = await runCommand(exe, sumatraPrintArgs(file, printer), timeoutMs)
  const result = commandResult(outcome, 'SumatraPDF', timeoutMs)
  return result.ok ? { ok: true, printer, jobId: null } : result
}

// UTF-8 out: into a pipe, Windows PowerShell writes the console's code page, which would garble
// names such as "Drucker Büro".
const LIST_PRINTERS =
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ' +
  'Get-CimInstance Win32_Printer | Select-Object Name,Default,WorkOffline | ConvertTo-Json -Compress'

export async function listWindowsPrinters(timeoutMs: number): Promise<PrinterList> {
  const outcome = await runCommand(
    'powershell.exe',
    ['-NoProfile', '-NonInteractive', '-Command', LIST_PRINTERS],
    timeoutMs,
  )
  const result = commandResult(outcome, 'PowerShell', timeoutMs)
  if (!result.ok) return result
  const printers = parseWindowsPrinters(result.stdout)
  if (!printers) {
    return {
      ok: false,
      reason: 'spooler-unavailable',
      message: 'Windows did not list its printers in a form the kiosk understands.',
    }
  }
  return { ok: true, printers }
}

/**
 * Win32_Printer rows as ConvertTo-Json prints them: one object, an array, or nothing at all when
 * there is no printer. Null when the text is not that.
 */
export function parseWindowsPrinters(json: string): Printer[] | null {
  const text = json.trim()
  if (!text) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  const rows: unknown[] = Array.isArray(parsed) ? parsed : [parsed]
  const printers: Printer[] = []
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) return null
    const { Name, Default, WorkOffline } = row as Record<string, unknown>
    if (typeof Name !== 'string' || !Name) return null
    printers.push({ name: Name, isDefault: Default === true, accepting: WorkOffline !== true })
  }
  return printers.sort((a, b) => a.name.localeCompare(b.name))
}

/** A command's output when it succeeded, or the failure in words staff can act on. */
function commandResult(
  outcome: CommandOutcome,
  program: string,
  timeoutMs: number,
): { ok: true; stdout: string } | PrintFailure {
  switch (outcome.kind) {
    case 'not-found':
      return { ok: false, reason: 'spooler-missing', message: `${program} was not found.` }
    case 'timeout':
      return {
        ok: false,
        reason: 'timeout',
        message: `${program} did not finish within ${Math.round(timeoutMs / 1000)} s.`,
      }
    case 'error':
      return { ok: false, reason: 'spooler-unavailable', message: outcome.message }
    case 'exit': {
      if (outcome.code === 0) return { ok: true, stdout: outcome.stdout }
      const said = firstLine(outcome.stderr) || firstLine(outcome.stdout)
      return {
        ok: false,
        reason: 'rejected',
        message: said
          ? `The printer refused the job: ${said}`
          : `${program} failed (exit ${outcome.code}): check the printer name and that it is on.`,
      }
    }
  }
}
