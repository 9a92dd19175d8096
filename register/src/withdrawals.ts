import type { WithdrawalResult } from '../../electron/shared/register-protocol'
import type { Withdrawal } from '../../electron/shared/signature'
import type { Queryable } from './db/db'
import { RetryTransaction } from './retry'

/** The kiosk part of a certificate number (`EWRC26-B03-000123` → `B03`). */
export const kioskOfCertificate = (certificateNo: string): string | undefined =>
  certificateNo.split('-')[1]

/**
 * Applies one withdrawal kiosk `kioskId` sent, inside the batch's transaction: erases the
 * personal data and keeps a tombstone. Only the kiosk that registered a signature may withdraw
 * it (checked in the erasing statement itself); a withdrawal that arrives before its record
 * leaves a tombstone too, but only under one of the sending kiosk's own certificate numbers, so
 * the record is answered `duplicate` (withdrawn) when it comes and is never registered.
 */
export async function applyWithdrawal(
  tx: Queryable,
  withdrawal: Withdrawal,
  /** Null for a withdrawal requested at the centre, of a signature the register holds. */
  batchId: string | null,
  kioskId: string,
): Promise<WithdrawalResult> {
  const { id, certificateNo, withdrawnAt } = withdrawal
  const erased = await tx.query(
    `UPDATE signatures
        SET record = NULL, email_key = NULL, org_key = NULL, capacity = NULL,
            organisation_type = NULL, country = NULL,
            withdrawn_at = $3, withdrawal_batch_id = $4
      WHERE id = $1 AND certificate_no = $2 AND kiosk_id = $5 AND withdrawn_at IS NULL
      RETURNING id`,
    [id, certificateNo, withdrawnAt, batchId, kioskId],
  )
  if (erased.length === 1) return { id, status: 'withdrawn' }

  const rows = await tx.query<{ id: string; certificate_no: string; kiosk_id: string }>(
    `SELECT id::text AS id, certificate_no, kiosk_id
       FROM signatures WHERE id = $1 OR certificate_no = $2`,
    [id, certificateNo],
  )
  const same = rows.find((r) => r.id === id && r.certificate_no === certificateNo)
  if (same && same.kiosk_id !== kioskId) return notOurs(id, certificateNo, kioskId)
  if (same) return { id, status: 'withdrawn' }
  if (rows.length > 0) {
    return {
      id,
      status: 'rejected',
      reason: `signature ${id} and certificate ${certificateNo} do not belong together`,
    }
  }
  if (kioskOfCertificate(certificateNo) !== kioskId) return notOurs(id, certificateNo, kioskId)
  const tombstone = await tx.query(
    `INSERT INTO signatures (id, certificate_no, kiosk_id, batch_id, withdrawn_at, withdrawal_batch_id)
     VALUES ($1, $2, $3, $4, $5, $4)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [id, certificateNo, kioskId, batchId, withdrawnAt],
  )
  if (tombstone.length === 1) return { id, status: 'withdrawn' }
  throw new RetryTransaction('the withdrawn signature arrived in a concurrent batch')
}

function notOurs(id: string, certificateNo: string, kioskId: string): WithdrawalResult {
  return {
    id,
    status: 'rejected',
    reason: `certificate ${certificateNo} is not one of kiosk ${kioskId}'s: only the kiosk that registered a signature may withdraw it`,
  }
}
