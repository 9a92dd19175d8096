import type { WithdrawalResult } from '../../../electron/shared/register-protocol'
import { withRetries, type Db } from '../db/db'
import { applyWithdrawal } from '../withdrawals'

/**
 * A withdrawal requested at the centre: the same erasure and tombstone as a kiosk's, with no
 * batch, made on behalf of the kiosk that registered the signature (an organiser's admin login
 * speaks for every kiosk). Null when the register has no such signature.
 */
export async function withdrawAtCentre(
  db: Db,
  id: string,
  now: Date = new Date(),
): Promise<WithdrawalResult | null> {
  return withRetries(db, async (tx) => {
    const [row] = await tx.query<{ certificate_no: string; kiosk_id: string }>(
      'SELECT certificate_no, kiosk_id FROM signatures WHERE id = $1 FOR UPDATE',
      [id],
    )
    if (!row) return null
    return applyWithdrawal(
      tx,
      { id, certificateNo: row.certificate_no, withdrawnAt: now.toISOString() },
      null,
      row.kiosk_id,
    )
  })
}
