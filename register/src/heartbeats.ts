import type { Heartbeat } from '../../electron/shared/register-protocol'
import type { Queryable } from './db/db'

/** Keeps the latest heartbeat of a kiosk (an older one arriving late changes nothing). */
export async function recordHeartbeat(db: Queryable, heartbeat: Heartbeat): Promise<void> {
  await db.query(
    `INSERT INTO kiosk_heartbeats (kiosk_id, pending_count, app_version, sent_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (kiosk_id) DO UPDATE
       SET pending_count = EXCLUDED.pending_count, app_version = EXCLUDED.app_version,
           sent_at = EXCLUDED.sent_at, received_at = now()
     WHERE kiosk_heartbeats.sent_at <= EXCLUDED.sent_at`,
    [heartbeat.kioskId, heartbeat.pendingCount, heartbeat.appVersion, heartbeat.sentAt],
  )
}
