import type { z } from 'zod'
import { normaliseEmail, organisationKey } from '../../electron/shared/normalise'
import type { RecordResult } from '../../electron/shared/register-protocol'
import { signatureRecordSchema, type SignatureRecord } from '../../electron/shared/signature'
import type { Queryable } from './db/db'
import { RetryTransaction } from './retry'

/**
 * Registers the records of a batch inside the batch's transaction; `results[i]` answers `raws[i]`.
 * The unique constraints decide what is new: one insert (in the batch's order) skips every row
 * that conflicts, then a look-up per skipped row says which constraint it met.
 */
export async function applyRecords(
  tx: Queryable,
  raws: readonly unknown[],
  batchId: string,
): Promise<RecordResult[]> {
  const parsed = raws.map((raw) => signatureRecordSchema.safeParse(raw))
  const rows = parsed.flatMap((p, ord) => {
    if (!p.success) return []
    const record = p.data
    return [
      {
        ord,
        id: record.id,
        certificate_no: record.certificateNo,
        kiosk_id: record.kioskId,
        ...keysOf(record),
        capacity: record.capacity,
        organisation_type: record.organisationType,
        country: record.country,
        record,
      },
    ]
  })
  const inserted = new Set(
    rows.length === 0
      ? []
      : (
          await tx.query<{ id: string }>(
            `INSERT INTO signatures
               (id, certificate_no, kiosk_id, batch_id, email_key, org_key, capacity,
                organisation_type, country, record)
             SELECT r.id, r.certificate_no, r.kiosk_id, $2, r.email_key, r.org_key, r.capacity,
                    r.organisation_type, r.country, r.record
               FROM jsonb_to_recordset($1::jsonb) AS r(
                      ord integer, id uuid, certificate_no text, kiosk_id text, email_key text,
                      org_key text, capacity text, organisation_type text, country text, record jsonb)
              ORDER BY r.ord
             ON CONFLICT DO NOTHING
             RETURNING id::text AS id`,
            [JSON.stringify(rows), batchId],
          )
        ).map((r) => r.id),
  )
  const results: RecordResult[] = []
  for (const [i, p] of parsed.entries()) {
    if (!p.success) {
      results.push({ id: idOf(raws[i]), status: 'rejected', reason: describeIssues(p.error) })
    } else if (inserted.delete(p.data.id)) {
      // Deleted once taken: a second copy of the same id in this batch is its duplicate.
      results.push({ id: p.data.id, status: 'accepted' })
    } else {
      results.push(await explainConflict(tx, p.data))
    }
  }
  return results
}

/** How the register recognises a signatory who signed before: the kiosk's own rule. */
export function keysOf(record: SignatureRecord): {
  email_key: string | null
  org_key: string | null
} {
  return {
    email_key: record.email ? normaliseEmail(record.email) : null,
    org_key:
      record.capacity === 'organisation' && record.organisationName
        ? organisationKey(record.organisationName, record.country)
        : null,
  }
}

interface Existing {
  id: string
  certificate_no: string
  email_key: string | null
  org_key: string | null
  withdrawn: boolean
}

async function explainConflict(tx: Queryable, record: SignatureRecord): Promise<RecordResult> {
  const { email_key: emailKey, org_key: orgKey } = keysOf(record)
  const rows = await tx.query<Existing>(
    `SELECT id::text AS id, certificate_no, email_key, org_key, withdrawn_at IS NOT NULL AS withdrawn
       FROM signatures
      WHERE id = $1 OR certificate_no = $2 OR email_key = $3 OR org_key = $4`,
    [record.id, record.certificateNo, emailKey, orgKey],
  )
  const duplicate = (row: Existing, reason: string): RecordResult => ({
    id: record.id,
    status: 'duplicate',
    reason,
    certificateNo: row.certificate_no,
  })
  const same = rows.find((r) => r.id === record.id)
  if (same) {
    return duplicate(
      same,
      same.withdrawn ? 'this signature was withdrawn' : 'this signature is already registered',
    )
  }
  const byEmail = emailKey ? rows.find((r) => r.email_key === emailKey) : undefined
  if (byEmail) return duplicate(byEmail, 'this email address has already signed')
  const byOrg = orgKey ? rows.find((r) => r.org_key === orgKey) : undefined
  if (byOrg) return duplicate(byOrg, 'this organisation has already signed in this country')
  if (rows.some((r) => r.certificate_no === record.certificateNo)) {
    return {
      id: record.id,
      status: 'rejected',
      reason: `certificate number ${record.certificateNo} belongs to another signature`,
    }
  }
  // The conflicting row vanished between the insert and the look-up: nothing deletes rows,
  // so this is a race the next attempt of the transaction resolves.
  throw new RetryTransaction('signature conflict without a visible cause')
}

function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null
  const id = (raw as { id: unknown }).id
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : null
}

/** A rejection reason staff can read: the first few problems, each with the field it concerns. */
export function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.')
    return `${path || 'record'}: ${issue.message}`
  })
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : ''
  return `invalid record: ${issues.join('; ')}${more}`
}
