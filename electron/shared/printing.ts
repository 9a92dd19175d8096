/** Printing outcomes as the renderer sees them (the printing service answers in these shapes). */
export type PrintFailureReason =
  | 'no-printer'
  | 'file-missing'
  | 'spooler-missing'
  | 'spooler-unavailable'
  /** CUPS' scheduler (cupsd) is not running or cannot be reached. */
  | 'scheduler-stopped'
  | 'rejected'
  | 'timeout'
  | 'not-printed'

export interface PrintFailure {
  ok: false
  reason: PrintFailureReason
  /**
   * One English sentence for logs and the command line. Screens show the translation of `reason`
   * (staff: `staff.printing.<reason>`; the visitor sees the kiosk's own wording).
   */
  message: string
  /** What the print system said, word for word: for a details disclosure and the log only. */
  detail?: string
  /** Set when the job reached the queue but did not complete in time (it may still print). */
  jobId?: string
}

export type PrintResult = { ok: true; printer: string; jobId: string | null } | PrintFailure

export interface Printer {
  name: string
  isDefault: boolean
  /** False when the queue exists but refuses jobs. */
  accepting: boolean
  /** Set (true) when the print system has the queue stopped: jobs wait, nothing prints. */
  paused?: boolean
}

export type PrinterList = { ok: true; printers: Printer[] } | PrintFailure
