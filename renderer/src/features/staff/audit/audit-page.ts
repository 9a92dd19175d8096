import type { KioskDB } from '../../../db/schema'
import type { AuditEntry } from '../../../db/audit-entry'

export const AUDIT_PAGE_SIZE = 50

/**
 * `staff`: everything except saved signatures (one line per visitor would bury the rest);
 * `all`: every line; otherwise one action.
 */
export type AuditFilter = 'staff' | 'all' | (string & {})

export interface AuditPage {
  entries: AuditEntry[]
  /** Lines matching the filter in all. */
  total: number
  /** Whether an older page exists. */
  more: boolean
}

const SAVED = 'signature-saved'

/**
 * One page of the audit log, newest first. Pages are read through the primary key or the
 * `action` index, so the log stays quick with a line per signature at 100,000 signatures.
 */
export async function auditPage(
  db: KioskDB,
  filter: AuditFilter,
  page: number,
): Promise<AuditPage> {
  const offset = page * AUDIT_PAGE_SIZE
  const collection =
    filter === 'all'
      ? db.audit.reverse()
      : filter === 'staff'
        ? db.audit.reverse().filter((entry) => entry.action !== SAVED)
        : db.audit.where('action').equals(filter).reverse()
  const [rows, total] = await Promise.all([
    collection
      .offset(offset)
      .limit(AUDIT_PAGE_SIZE + 1)
      .toArray(),
    filter === 'all'
      ? db.audit.count()
      : filter === 'staff'
        ? Promise.all([db.audit.count(), db.audit.where('action').equals(SAVED).count()]).then(
            ([all, saved]) => all - saved,
          )
        : db.audit.where('action').equals(filter).count(),
  ])
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), total, more: rows.length > AUDIT_PAGE_SIZE }
}
