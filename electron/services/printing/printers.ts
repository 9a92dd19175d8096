import { firstLine, lines, runCommand } from './run-command'
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
 * queues and whether they accept jobs, `lpstat -e` for destinations that `-a` leaves out on some
 * systems, `lpstat -d` for the default). Never throws; resolves within the timeout per command.
 */
export async function listPrinters(options: ListPrintersOptions = {}): Promise<PrinterList> {
  const timeoutMs = options.timeoutMs ?? 5_000
  if ((options.platform ?? process.platform) === 'win32') return listWindowsPrinters(timeoutMs)
  const [accepting, destinations, byDefault] = await Promise.all([
    runCommand('lpstat', ['-a'], timeoutMs),
    runCommand('lpstat', ['-e'], timeoutMs),
    runCommand('lpstat', ['-d'], timeoutMs),
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
    return { ok: false, reason: 'spooler-unavailable', message: accepting.message }
  }
  const noQueues = /no destinations added/i.test(accepting.stderr)
  if (accepting.code !== 0 && !noQueues) {
    return {
      ok: false,
      reason: 'spooler-unavailable',
      message: firstLine(accepting.stderr) || 'The print system is not running.',
    }
  }

  const printers = new Map<string, Printer>()
  for (const line of lines(accepting.stdout)) {
    const match = /^(\S+)\s+(not\s+)?accepting/.exec(line)
    if (match?.[1])
      printers.set(match[1], { name: match[1], isDefault: false, accepting: !match[2] })
  }
  if (destinations.kind === 'exit' && destinations.code === 0) {
    for (const name of lines(destinations.stdout).map((l) => l.split(/\s+/)[0] ?? '')) {
      if (name && !printers.has(name))
        printers.set(name, { name, isDefault: false, accepting: true })
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
