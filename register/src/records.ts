import type { z } from 'zod'
import { normaliseEmail, organisationKey } from '../../electron/shared/normalise'
import type { RecordResult } from '../../electron/shared/register-protocol'
import { UUID, signatureRecordSchema, type SignatureRecord } from '../../electron/shared/signature'
import type { Queryable } from './db/db'
import { RetryTransaction } from './retry'

/** How far ahead of the register's clock a kiosk's clock may be (a booth PC set by hand). */
export const CLOCK_SKEW_MS = 10 * 60_000

type Checked = { ok: true; record: SignatureRecord } | { ok: false; reason: string }

/**
 * A record as the register can take it from kiosk `kioskId`, or why not: the shared schema,
 * then what needs the batch's context (the sending kiosk, the register's clock).
 */
export function checkRecord(raw: unknown, kioskId: string, now: Date): Checked {
  const p = signatureRecordSchema.safeParse(raw)
  if (!p.success) return { ok: false, reason: describeIssues(p.error) }
  const record = p.data
  // The schema already ties the certificate number to record.kioskId; both are named here
  // so that neither alone can carry another kiosk's number in.
  const numberKiosk = record.certificateNo.split('-')[1]
  if (record.kioskId !== kioskId || numberKiosk !== kioskId) {
    return {
      ok: false,
      reason: `record of kiosk ${record.kioskId} (certificate ${record.certificateNo}) sent with the token of kiosk ${kioskId}`,
    }
  }
  if (Date.parse(record.createdAt) > now.getTime() + CLOCK_SKEW_MS) {
    return {
      ok: false,
      reason: `createdAt ${record.createdAt} is in the future (the register's clock says ${now.toISOString()}); check the kiosk's clock`,
    }
  }
  return { ok: true, record }
}

/**
 * Registers the records kiosk `kioskId` sent, inside the batch's transaction; `results[i]`
 * answers `raws[i]`. The unique constraints decide what is new: one insert (in the batch's order)
 * skips every row that conflicts, then a look-up per skipped row says which constraint it met.
 * The rows are stored under the sending kiosk; the table's constraints refuse any whose
 * certificate number or record names another.
 */
export async function applyRecords(
  tx: Queryable,
  raws: readonly unknown[],
  batchId: string,
  kioskId: string,
  now: Date,
): Promise<RecordResult[]> {
  const parsed = raws.map((raw) => checkRecord(raw, kioskId, now))
  const rows = parsed.flatMap((p, ord) => {
    if (!p.ok) return []
    const record = p.record
    return [
      {
        ord,
        id: record.id,
        certificate_no: record.certificateNo,
        ...keysOf(record),
        capacity: record.capacity,
        organisation_type: record.organisationType,
        country: record.country,
        source: record.source ?? 'kiosk',
        paper_ref: record.paperRef ?? null,
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
                organisation_type, country, source, paper_ref, record)
             SELECT r.id, r.certificate_no, $3, $2, r.email_key, r.org_key, r.capacity,
                    r.organisation_type, r.country, r.source, r.paper_ref, r.record
               FROM jsonb_to_recordset($1::jsonb) AS r(
                      ord integer, id uuid, certificate_no text, email_key text,
                      org_key text, capacity text, organisation_type text, country text,
                      source text, paper_ref text, record jsonb)
              ORDER BY r.ord
             ON CONFLICT DO NOTHING
             RETURNING id::text AS id`,
            [JSON.stringify(rows), batchId, kioskId],
          )
        ).map((r) => r.id),
  )
  const results: RecordResult[] = []
  for (const [i, p] of parsed.entries()) {
    if (!p.ok) {
      results.push({ id: idOf(raws[i]), status: 'rejected', reason: p.reason })
    } else if (inserted.delete(p.record.id)) {
      // Deleted once taken: a second copy of the same id in this batch is its duplicate.
      results.push({ id: p.record.id, status: 'accepted' })
    } else {
      results.push(await explainConflict(tx, p.record))
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
  if (record.paperRef !== undefined && (await paperRefTaken(tx, record))) {
    return {
      id: record.id,
      status: 'rejected',
      reason: `paper form ${record.paperRef} of kiosk ${record.kioskId} (event ${record.eventCode}) is already registered under another signature`,
    }
  }
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

/** Whether another signature of the record's kiosk and event holds its paper form reference. */
async function paperRefTaken(tx: Queryable, record: SignatureRecord): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id::text AS id FROM signatures
      WHERE paper_ref = $1 AND kiosk_id = $2 AND split_part(certificate_no, '-', 1) = $3
        AND id <> $4`,
    [record.paperRef ?? null, record.kioskId, record.eventCode, record.id],
  )
  return rows.length > 0
}

/** The id a rejected record claimed, echoed only when it is one (the answer is stored as text). */
function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null
  const id = (raw as { id: unknown }).id
  return typeof id === 'string' && UUID.test(id) ? id : null
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
