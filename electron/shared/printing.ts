/** Printing outcomes as the renderer sees them (the printing service answers in these shapes). */
export type PrintFailureReason =
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
  /** False when the queue exists but refuses jobs. */
  accepting: boolean
}

export type PrinterList = { ok: true; printers: Printer[] } | PrintFailure
