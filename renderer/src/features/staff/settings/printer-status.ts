import type { PrintFailure, PrinterList } from '@shared/printing'

/**
 * What the printer card tells staff, as a translation key with its values and, apart from it,
 * the print system's own words (for the details disclosure only, never the sentence).
 */
export interface PrinterStatus {
  kind: 'ok' | 'warning' | 'error'
  key: string
  values: Record<string, string>
  detail: string | null
}

/** A failed listing or test page: the translated sentence of its reason, the raw text apart. */
export function failureStatus(failure: PrintFailure): PrinterStatus {
  return {
    kind: 'error',
    key: `staff.printing.${failure.reason}`,
    values: {},
    detail: failure.detail ?? null,
  }
}

/**
 * The state of the chosen printer, from the system's list: the print system down, no printer
 * at all, the chosen one stopped, refusing jobs or not listed, or ready. Null while the list
 * is not there yet or nothing is chosen and printers exist.
 */
export function printerStatus(list: PrinterList | null, chosen: string): PrinterStatus | null {
  if (!list) return null
  if (!list.ok) return failureStatus(list)
  const status = (kind: PrinterStatus['kind'], key: string): PrinterStatus => ({
    kind,
    key: `staff.printing.${key}`,
    values: { printer: chosen },
    detail: null,
  })
  if (list.printers.length === 0) return status('warning', 'noPrinters')
  if (chosen === '') return null
  const printer = list.printers.find((p) => p.name === chosen)
  if (!printer) return status('warning', 'notListed')
  if (printer.paused) return status('warning', 'paused')
  if (!printer.accepting) return status('warning', 'rejecting')
  return status('ok', 'ready')
}
