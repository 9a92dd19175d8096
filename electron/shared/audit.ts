import { z } from 'zod'

/**
 * What staff (or the kiosk on their behalf) did that organisers may need to account for later.
 * Visitor actions are not audited: their signatures are the record.
 */
export const AUDIT_ACTIONS = [
  'staff-unlock',
  'staff-unlock-failed',
  'staff-lock',
  // The console locked itself after the staff idle time (staff-lock: the Lock button).
  'staff-idle-lock',
  'pin-change',
  'export',
  'withdrawal',
  'settings-change',
  'restore',
  'bulk-certificates',
  'bulk-print',
  'reprint',
  'consent-change',
  // Staff keyed in a paper form (its reference and the certificate number it got).
  'paper-form',
  // Kiosk events staff must be able to account for (written by the renderer's database code).
  'save-failed',
  'journal-failed',
  'restore-skipped-lines',
  'storage-persistence',
  'purge',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/**
 * One audit log line. `id` is the local database key, absent until stored. `detail` is a short
 * human sentence; it names a certificate number rather than a person and never holds a PIN or
 * token, because the log is exported with the day batch and outlives withdrawals.
 */
export const auditEntrySchema = z.object({
  id: z.number().int().positive().optional(),
  at: z.iso.datetime(),
  action: z.enum(AUDIT_ACTIONS),
  detail: z.string().max(1000),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>
