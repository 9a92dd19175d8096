import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { firstLine, runCommand } from './run-command'
import type { PrintResult } from './types'
import { isWindowsPrinterName, printWithSumatra } from './windows'

export interface PrintPdfOptions {
  /** Everything, including waiting for the job to leave the queue, ends by then. Default 30 s. */
  timeoutMs?: number
  /**
   * Also wait until the job has left the printer's queue. The spooler accepting a job is not the
   * printer printing it: a printer out of paper or switched off keeps the job queued.
   */
  waitForCompletion?: boolean
  /** Job name shown in the printer queue; default the file name. */
  title?: string
  /** How often the queue is checked while waiting. Default 1 s. */
  pollIntervalMs?: number
  /** Which print system to use; default this computer's (Windows, else CUPS). */
  platform?: NodeJS.Platform
}

/** CUPS queue names: 1–127 printable characters except space, slash and '#'; no leading '-'. */
function isPrinterName(name: string): boolean {
  if (name.length < 1 || name.length > 127 || name.startsWith('-')) return false
  return [...name].every((ch) => {
    const code = ch.codePointAt(0) ?? 0
    return code > 0x20 && code !== 0x7f && ch !== '/' && ch !== '#'
  })
}

/**
 * Prints a PDF through the OS spooler (CUPS `lp`; SumatraPDF on Windows), not through a browser
 * print dialog, which is what makes it dependable on booth printers. Never throws and always
 * resolves within `timeoutMs`; a failure says why in one sentence staff can act on.
 */
export async function printPdf(
  file: string,
  printerName: string,
  options: PrintPdfOptions = {},
): Promise<PrintResult> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  const windows = (options.platform ?? process.platform) === 'win32'
  const printer = printerName.trim()
  if (!printer) {
    return { ok: false, reason: 'no-printer', message: 'No printer is chosen in the settings.' }
  }
  if (!(windows ? isWindowsPrinterName(printer) : isPrinterName(printer))) {
    return { ok: false, reason: 'no-printer', message: `"${printer}" is not a valid printer name.` }
  }
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  )
  if (size <= 0) {
    return { ok: false, reason: 'file-missing', message: `There is no PDF to print at ${file}.` }
  }

  if (windows) return printWithSumatra(file, printer, Math.max(1, deadline - Date.now()))

  const title = (options.title ?? basename(file)).slice(0, 200)
  // `--` ends the options, so a file name starting with '-' is still a file.
  const args = ['-d', printer, '-t', title, '-o', 'fit-to-page', '--', file]
  const outcome = await runCommand('lp', args, Math.max(1, deadline - Date.now()))
  switch (outcome.kind) {
    case 'not-found':
      return {
        ok: false,
        reason: 'spooler-missing',
        message: 'The lp command was not found: install the CUPS client tools (cups-client).',
      }
    case 'timeout':
      return {
        ok: false,
        reason: 'timeout',
        message: `The print system did not accept the job within ${seconds(options.timeoutMs)}.`,
      }
    case 'error':
      return { ok: false, reason: 'spooler-unavailable', message: outcome.message }
    case 'exit':
      break
  }
  if (outcome.code !== 0) {
    const said = firstLine(outcome.stderr) || firstLine(outcome.stdout)
    return {
      ok: false,
      reason: 'rejected',
      message: said ? `The printer refused the job: ${said}` : `lp failed (exit ${outcome.code}).`,
    }
  }
  const jobId = /request id is (\S+)/.exec(outcome.stdout)?.[1] ?? null
  if (!options.waitForCompletion || !jobId) return { ok: true, printer, jobId }
  return waitUntilDone(printer, jobId, deadline, options.pollIntervalMs ?? 1_000)
}

async function waitUntilDone(
  printer: string,
  jobId: string,
  deadline: number,
  pollMs: number,
): Promise<PrintResult> {
  for (;;) {
    const left = deadline - Date.now()
    if (left <= 0) break
    const queue = await runCommand('lpstat', ['-W', 'not-completed', '-o', printer], left)
    if (queue.kind === 'exit' && queue.code === 0) {
      const pending = queue.stdout.split('\n').some((line) => line.split(/\s+/)[0] === jobId)
      if (!pending) return { ok: true, printer, jobId }
    }
    await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())))
  }
  return {
    ok: false,
    reason: 'not-printed',
    jobId,
    message: `The job ${jobId} is still waiting in the queue of ${printer}: check the printer (power, paper, cable).`,
  }
}

function seconds(ms = 30_000): string {
  return `${Math.round(ms / 100) / 10} s`
}
