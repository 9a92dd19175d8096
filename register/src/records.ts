import type { z } from 'zod'
import { normaliseEmail, organisationKey } from '../../electron/shared/normalise'
import type { RecordResult } from '../../electron/shared/register-protocol'
import { signatureRecordSchema, type SignatureRecord } from '../../electron/shared/signature'
import type { Queryable } from './db/db'
import { RetryTransaction } from './retry'

/**
 * Registers one record of a batch, inside the batch's transaction. The unique constraints decide
 * whether it is new: the insert skips on any conflict, then a look-up says which one it was.
 */
export async function applyRecord(
  tx: Queryable,
  raw: unknown,
  batchId: string,
): Promise<RecordResult> {
  const parsed = signatureRecordSchema.safeParse(raw)
  if (!parsed.success) {
    return { id: idOf(raw), status: 'rejected', reason: describeIssues(parsed.error) }
  }
  const record = parsed.data
  const { emailKey, orgKey } = identityKeys(record)
  const inserted = await tx.query(
    `INSERT INTO signatures
       (id, certificate_no, kiosk_id, batch_id, email_key, org_key, capacity, organisation_type, country, record)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      record.id,
      record.certificateNo,
      record.kioskId,
      batchId,
      emailKey,
      orgKey,
      record.capacity,
      record.organisationType,
      record.country,
      JSON.stringify(record),
    ],
  )
  if (inserted.length === 1) return { id: record.id, status: 'accepted' }
  return explainConflict(tx, record, emailKey, orgKey)
}

/** How the register recognises a signatory who signed before: the kiosk's own rule. */
export function identityKeys(record: SignatureRecord): {
  emailKey: string | null
  orgKey: string | null
} {
  return {
    emailKey: record.email ? normaliseEmail(record.email) : null,
    orgKey:
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

async function explainConflict(
  tx: Queryable,
  record: SignatureRecord,
  emailKey: string | null,
  orgKey: string | null,
): Promise<RecordResult> {
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
