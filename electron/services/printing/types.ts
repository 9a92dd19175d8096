/** Why a print did not happen, for the kiosk to choose what to tell the visitor or staff. */
export type PrintFailureReason =
  | 'unsupported-platform'
  | 'no-printer'
  | 'file-missing'
  | 'spooler-missing'
  | 'spooler-unavailable'
  | 'rejected'
  | 'timeout'
  | 'not-printed'

export interface PrintFailure {
  ok: false
  reason: PrintFailureReason
  /** One sentence for booth staff; the visitor sees the kiosk's own wording. */
  message: string
  /** Set when the job reached the queue but did not complete in time (it may still print). */
  jobId?: string
}

export type PrintResult = { ok: true; printer: string; jobId: string | null } | PrintFailure

export interface Printer {
  name: string
  isDefault: boolean
  /** False when the queue exists but refuses jobs (cupsreject). */
  accepting: boolean
}

export type PrinterList = { ok: true; printers: Printer[] } | PrintFailure

export const UNSUPPORTED_MESSAGE =
  'Printing from the kiosk needs the CUPS print system (Linux or macOS). On this computer, open the certificate PDF and print it from the PDF viewer.'

/** Whether this OS has the CUPS command-line tools we drive. */
export function spoolerSupported(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32'
}
