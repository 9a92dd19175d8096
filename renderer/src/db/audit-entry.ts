export type AuditAction =
  | 'signature-saved'
  | 'save-failed'
  | 'journal-failed'
  | 'restore'
  | 'restore-skipped-lines'
  | 'storage-persistence'

/** One line of the kiosk's audit log, shown to staff and exported with the day batch. */
export interface AuditEntry {
  id?: number
  at: string
  action: AuditAction | string
  detail: string
}
