import type { BatchRequest, RecordResult } from '../../electron/shared/register-protocol'
import { CERTIFICATE_NO } from '../../electron/shared/signature'
import type { Queryable } from './db/db'

/**
 * Inside the batch's transaction: for every record answered `duplicate` under another number,
 * keeps the number the kiosk printed on its certificate and the one it is registered under.
 */
export async function rememberDuplicates(
  tx: Queryable,
  raws: readonly unknown[],
  results: readonly RecordResult[],
  batch: Pick<BatchRequest, 'batchId' | 'kioskId'>,
): Promise<void> {
  const pairs = results.flatMap((result, i) => {
    const printed = certificateNoOf(raws[i])
    if (result.status !== 'duplicate' || !result.certificateNo || !printed) return []
    if (printed === result.certificateNo) return []
    return [{ printed, registered: result.certificateNo }]
  })
  if (pairs.length === 0) return
  // A number that is some signature's own is never recorded as another's duplicate.
  await tx.query(
    `INSERT INTO duplicate_certificates (certificate_no, registered_under, kiosk_id, batch_id)
     SELECT p.printed, p.registered, $2, $3
       FROM jsonb_to_recordset($1::jsonb) AS p(printed text, registered text)
      WHERE NOT EXISTS (SELECT 1 FROM signatures s WHERE s.certificate_no = p.printed)
     ON CONFLICT (certificate_no) DO NOTHING`,
    [JSON.stringify(pairs), batch.kioskId, batch.batchId],
  )
}

/** The number a duplicate's certificate is registered under, or null. */
export async function registeredUnder(
  db: Queryable,
  certificateNo: string,
): Promise<string | null> {
  const [row] = await db.query<{ registered_under: string }>(
    'SELECT registered_under FROM duplicate_certificates WHERE certificate_no = $1',
    [certificateNo],
  )
  return row?.registered_under ?? null
}

function certificateNoOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('certificateNo' in raw)) return null
  const value = (raw as { certificateNo: unknown }).certificateNo
  return typeof value === 'string' && CERTIFICATE_NO.test(value) ? value : null
}
