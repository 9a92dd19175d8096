import type { Queryable } from '../db/db'

export interface FleetKiosk {
  kioskId: string
  activeTokens: number
  lastBatch: { batchId: string; receivedAt: string; records: number; withdrawals: number } | null
  /** The latest of its last batch and its last heartbeat. */
  lastContact: string | null
  /** Signatures the kiosk still held unsent at its last heartbeat; null before any. */
  pendingCount: number | null
  appVersion: string | null
  heartbeatAt: string | null
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`

/** Every kiosk the register knows of (by token, batch or heartbeat), by id. */
export async function readFleet(db: Queryable): Promise<FleetKiosk[]> {
  const rows = await db.query<{
    kiosk_id: string
    active_tokens: number
    batch_id: string | null
    batch_at: string | null
    record_count: number | null
    withdrawal_count: number | null
    last_contact: string | null
    pending_count: number | null
    app_version: string | null
    heartbeat_at: string | null
  }>(
    `WITH ids AS (
       SELECT kiosk_id FROM kiosk_tokens UNION SELECT kiosk_id FROM batches
       UNION SELECT kiosk_id FROM kiosk_heartbeats)
     SELECT ids.kiosk_id,
            (SELECT count(*)::int FROM kiosk_tokens t
              WHERE t.kiosk_id = ids.kiosk_id AND t.revoked_at IS NULL) AS active_tokens,
            b.batch_id::text AS batch_id,
            to_char(b.received_at AT TIME ZONE 'UTC', ${ISO}) AS batch_at,
            b.record_count, b.withdrawal_count,
            to_char(GREATEST(b.received_at, h.received_at) AT TIME ZONE 'UTC', ${ISO}) AS last_contact,
            h.pending_count, h.app_version,
            to_char(h.received_at AT TIME ZONE 'UTC', ${ISO}) AS heartbeat_at
       FROM ids
       LEFT JOIN LATERAL (
         SELECT batch_id, received_at, record_count, withdrawal_count FROM batches
          WHERE batches.kiosk_id = ids.kiosk_id ORDER BY received_at DESC LIMIT 1) b ON true
       LEFT JOIN kiosk_heartbeats h ON h.kiosk_id = ids.kiosk_id
      ORDER BY ids.kiosk_id`,
  )
  return rows.map((r) => ({
    kioskId: r.kiosk_id,
    activeTokens: r.active_tokens,
    lastBatch:
      r.batch_id && r.batch_at
        ? {
            batchId: r.batch_id,
            receivedAt: r.batch_at,
            records: r.record_count ?? 0,
            withdrawals: r.withdrawal_count ?? 0,
          }
        : null,
    lastContact: r.last_contact,
    pendingCount: r.pending_count,
    appVersion: r.app_version,
    heartbeatAt: r.heartbeat_at,
  }))
}
