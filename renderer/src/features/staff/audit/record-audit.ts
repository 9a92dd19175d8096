import type { AuditAction } from '@shared/audit'
import type { KioskDB } from '../../../db/schema'

/** The longest detail the export format accepts; longer ones are cut with an ellipsis. */
const MAX_DETAIL = 1000

/**
 * Adds one line to the kiosk's audit log (IndexedDB, the log's one place of truth: withdrawals
 * and restores write theirs in the same transaction as the data they describe). The detail
 * names certificate numbers and folders, never a PIN, a token or a person.
 */
export async function recordAudit(
  db: KioskDB,
  action: AuditAction,
  detail: string,
  at: Date = new Date(),
): Promise<void> {
  await db.audit.add({ at: at.toISOString(), action, detail: clip(detail) })
}

export function clip(detail: string): string {
  return detail.length <= MAX_DETAIL ? detail : `${detail.slice(0, MAX_DETAIL - 1)}…`
}
