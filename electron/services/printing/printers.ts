import { acceptingQueues, lpstatFailure, pausedQueues } from './lpstat-output'
import { lines, runCommand } from './run-command'
import type { Printer, PrinterList } from './types'
import { listWindowsPrinters } from './windows'

export interface ListPrintersOptions {
  timeoutMs?: number
  /** Which print system to ask; default this computer's (Windows, else CUPS). */
  platform?: NodeJS.Platform
}

/**
 * The print queues the system knows, for staff to choose from. On Windows, Win32_Printer;
 * elsewhere CUPS (`lpstat -a` for the
 * queues and whether they accept jobs, `lpstat -p` for those stopped, `lpstat -e` for destinations that `-a` leaves out on some
 * systems, `lpstat -d` for the default). Never throws; resolves within the timeout per command.
 */
export async function listPrinters(options: ListPrintersOptions = {}): Promise<PrinterList> {
  const timeoutMs = options.timeoutMs ?? 5_000
  if ((options.platform ?? process.platform) === 'win32') return listWindowsPrinters(timeoutMs)
  const [accepting, destinations, byDefault, states] = await Promise.all([
    runCommand('lpstat', ['-a'], timeoutMs),
    runCommand('lpstat', ['-e'], timeoutMs),
    runCommand('lpstat', ['-d'], timeoutMs),
    runCommand('lpstat', ['-p'], timeoutMs),
  ])
  if (accepting.kind === 'not-found') {
    return {
      ok: false,
      reason: 'spooler-missing',
      message: 'The lpstat command was not found: install the CUPS client tools (cups-client).',
    }
  }
  if (accepting.kind === 'timeout') {
    return { ok: false, reason: 'timeout', message: 'The print system did not answer in time.' }
  }
  if (accepting.kind === 'error') {
    return {
      ok: false,
      reason: 'spooler-unavailable',
      message: 'lpstat could not be run.',
      detail: accepting.message,
    }
  }
  if (accepting.code !== 0) {
    const failure = lpstatFailure(accepting.stderr, accepting.code)
    if (failure !== 'no-printers') return failure
  }

  const paused = states.kind === 'exit' ? pausedQueues(states.stdout) : new Set<string>()
  const printers = new Map<string, Printer>()
  const queue = (name: string, accepts: boolean): Printer => ({
    name,
    isDefault: false,
    accepting: accepts,
    ...(paused.has(name) ? { paused: true } : {}),
  })
  for (const [name, accepts] of acceptingQueues(accepting.stdout)) {
    printers.set(name, queue(name, accepts))
  }
  if (destinations.kind === 'exit' && destinations.code === 0) {
    for (const name of lines(destinations.stdout).map((l) => l.split(/\s+/)[0] ?? '')) {
      if (name && !printers.has(name)) printers.set(name, queue(name, true))
    }
  }
  const defaultName =
    byDefault.kind === 'exit'
      ? /default destination:\s*(\S+)/.exec(byDefault.stdout)?.[1]
      : undefined
  const defaultPrinter = defaultName ? printers.get(defaultName) : undefined
  if (defaultPrinter) defaultPrinter.isDefault = true
  return { ok: true, printers: [...printers.values()].sort((a, b) => a.name.localeCompare(b.name)) }
}
