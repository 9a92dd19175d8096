import type {
  BatchRequest,
  BatchResponse,
  ConsentChangeResult,
  WithdrawalResult,
} from '../../electron/shared/register-protocol'
import { canonicalJson, sha256Hex } from './canonical-json'
import { withRetries, type Db } from './db/db'
import { applyConsentChange } from './consent-changes'
import { applyRecords } from './records'
import { applyWithdrawal } from './withdrawals'
import { rememberDuplicates } from './duplicate-certificates'

/** What became of a submitted batch. `json` is the exact response text to send. */
export type BatchOutcome =
  | { kind: 'applied'; json: string }
  | { kind: 'replayed'; json: string }
  | { kind: 'conflict'; message: string }

export interface BatchHooks {
  /** Runs inside the transaction right after the batch row is claimed (tests widen races with it). */
  afterClaim?: () => Promise<void>
}

/**
 * Applies a batch exactly once, whole or not at all. The batch row, keyed by batchId, is claimed
 * first: a second copy of the batch (a retry, or the same batch racing on another connection)
 * waits for the first transaction and then finds its stored response. Same body → those same
 * bytes, nothing written; different body → conflict. `batch.kioskId` must be the kiosk the
 * caller authenticated as: every record, withdrawal and consent change is checked against it.
 * `now` is the register's clock, for records dated in its future.
 */
export async function submitBatch(
  db: Db,
  batch: BatchRequest,
  hooks: BatchHooks = {},
  now: Date = new Date(),
): Promise<BatchOutcome> {
  const bodyHash = batchBodyHash(batch)
  return withRetries(db, async (tx): Promise<BatchOutcome> => {
    const claimed = await tx.query(
      `INSERT INTO batches
         (batch_id, kiosk_id, body_sha256, record_count, withdrawal_count, consent_change_count)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (batch_id) DO NOTHING
       RETURNING batch_id`,
      [
        batch.batchId,
        batch.kioskId,
        bodyHash,
        batch.records.length,
        batch.withdrawals.length,
        batch.consentChanges.length,
      ],
    )
    if (claimed.length === 0) {
      const [stored] = await tx.query<{ body_sha256: string; response: string | null }>(
        'SELECT body_sha256, response FROM batches WHERE batch_id = $1',
        [batch.batchId],
      )
      if (!stored?.response) throw new Error(`Batch ${batch.batchId} has no stored response`)
      if (stored.body_sha256 !== bodyHash) {
        return {
          kind: 'conflict',
          message: `Batch ${batch.batchId} was already received with a different content; send changed content under a new batchId.`,
        }
      }
      return { kind: 'replayed', json: stored.response }
    }
    await hooks.afterClaim?.()

    const results = await applyRecords(tx, batch.records, batch.batchId, batch.kioskId, now)
    await rememberDuplicates(tx, batch.records, results, batch)
    const withdrawals: WithdrawalResult[] = []
    for (const withdrawal of batch.withdrawals) {
      withdrawals.push(await applyWithdrawal(tx, withdrawal, batch.batchId, batch.kioskId))
    }
    const consentChanges: ConsentChangeResult[] = []
    for (const change of batch.consentChanges) {
      consentChanges.push(await applyConsentChange(tx, change, batch.kioskId))
    }
    const response: BatchResponse = {
      batchId: batch.batchId,
      results,
      withdrawals,
      consentChanges,
    }
    const json = JSON.stringify(response)
    await tx.query('UPDATE batches SET response = $2 WHERE batch_id = $1', [batch.batchId, json])
    return { kind: 'applied', json }
  })
}

/**
 * What "the same body" means: kiosk, records, withdrawals and consent changes, with key order and
 * white space ignored. `sentAt` is left out so a retry may be stamped with its own time. No
 * consent changes hash as before they existed, so a batch stored by an older register (or sent
 * by an older kiosk) is still the same batch.
 */
export function batchBodyHash(batch: BatchRequest): string {
  return sha256Hex(
    canonicalJson({
      kioskId: batch.kioskId,
      records: batch.records,
      withdrawals: batch.withdrawals,
      ...(batch.consentChanges.length > 0 ? { consentChanges: batch.consentChanges } : {}),
    }),
  )
}
