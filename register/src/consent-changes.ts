import type { ConsentChange, ConsentChangeResult } from '../../electron/shared/register-protocol'
import type { Queryable } from './db/db'

/**
 * Applies one consent change kiosk `kioskId` sent, inside the batch's transaction. Only the
 * kiosk that registered the signature may change it, and only a change at least as recent as the
 * last one applied counts (both checked in the updating statement), so changes sent out of
 * order end with the latest. `publishName: false` takes the name off the public certificate
 * page at once, as that page reads these consents.
 */
export async function applyConsentChange(
  tx: Queryable,
  change: ConsentChange,
  kioskId: string,
): Promise<ConsentChangeResult> {
  const { id, certificateNo, changedAt, consents } = change
  const changed = await tx.query(
    `UPDATE signatures
        SET record = jsonb_set(record, '{consents}', (record -> 'consents') || $4::jsonb),
            consents_changed_at = $3
      WHERE id = $1 AND certificate_no = $2 AND kiosk_id = $5 AND withdrawn_at IS NULL
        AND (consents_changed_at IS NULL OR consents_changed_at <= $3)
      RETURNING id`,
    [id, certificateNo, changedAt, JSON.stringify(consents), kioskId],
  )
  if (changed.length === 1) return { id, status: 'changed' }

  const [row] = await tx.query<{ kiosk_id: string; withdrawn: boolean }>(
    `SELECT kiosk_id, withdrawn_at IS NOT NULL AS withdrawn
       FROM signatures WHERE id = $1 AND certificate_no = $2`,
    [id, certificateNo],
  )
  if (!row) {
    return {
      id,
      status: 'rejected',
      reason: `signature ${id} with certificate ${certificateNo} is not registered; send its record first`,
    }
  }
  if (row.kiosk_id !== kioskId) {
    return {
      id,
      status: 'rejected',
      reason: `certificate ${certificateNo} is not one of kiosk ${kioskId}'s: only the kiosk that registered a signature may change its consents`,
    }
  }
  if (row.withdrawn) {
    return { id, status: 'rejected', reason: 'this signature was withdrawn' }
  }
  return { id, status: 'changed', reason: 'a later change of these consents already applies' }
}
