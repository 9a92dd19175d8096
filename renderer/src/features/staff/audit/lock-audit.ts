import { STAFF_IDLE_MS } from '@shared/staff'
import type { KioskDB } from '../../../db/schema'
import { recordAudit } from './record-audit'

/** Why the console locked: staff pressed Lock, or nobody touched it for the staff idle time. */
export type LockReason = 'manual' | 'idle'

/** Notes a lock in the audit log, an idle lock under its own action so the two read apart. */
export function recordLock(db: KioskDB, reason: LockReason, at: Date = new Date()): Promise<void> {
  return reason === 'idle'
    ? recordAudit(
        db,
        'staff-idle-lock',
        `Console locked itself after ${STAFF_IDLE_MS / 60_000} idle minutes`,
        at,
      )
    : recordAudit(db, 'staff-lock', 'Console locked with the Lock button', at)
}
