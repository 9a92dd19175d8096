import { z } from 'zod'
import {
  ORGANISATION_TYPES,
  SIGNATURE_SOURCES,
  type SignatureRecord,
} from '../../../electron/shared/signature'
import { SIGNATORY_KINDS } from '../../../electron/shared/register-protocol'
import type { Queryable, SqlParam } from '../db/db'

/** Filters of the console's signature search and of the export, from the query string. */
export const signatureFilterSchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'day must be YYYY-MM-DD')
    .optional(),
  kiosk: z
    .string()
    .regex(/^[A-Z0-9]{1,8}$/, 'kiosk must be 1–8 capital letters or digits')
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'country must be two capital letters')
    .optional(),
  kind: z.enum(SIGNATORY_KINDS).optional(),
  consent: z.enum(['yes', 'no']).optional(),
  /** `paper`: paper forms staff keyed in; `kiosk`: signatures given on a kiosk's screen. */
  source: z.enum(SIGNATURE_SOURCES).optional(),
})
export type SignatureFilter = z.infer<typeof signatureFilterSchema>

export const signaturePageQuerySchema = signatureFilterSchema.extend({
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})

/** Where a page ended: the sort key of its last row, opaque to the client. */
interface Cursor {
  receivedAt: string
  id: string
}

const cursorSchema = z.object({
  receivedAt: z.iso.datetime(),
  id: z.string().regex(/^[0-9a-f-]{36}$/),
})

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url')
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(Buffer.from(text, 'base64url').toString('utf8')),
    )
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** A WHERE clause (live signatures only) and its parameters for a filter. */
export function whereFor(filter: SignatureFilter, after?: Cursor | null) {
  const params: SqlParam[] = []
  const bind = (value: SqlParam) => {
    params.push(value)
    return `$${params.length}`
  }
  const clauses = ['withdrawn_at IS NULL']
  if (filter.day) clauses.push(`record ->> 'day' = ${bind(filter.day)}`)
  if (filter.kiosk) clauses.push(`kiosk_id = ${bind(filter.kiosk)}`)
  if (filter.country) clauses.push(`country = ${bind(filter.country)}`)
  if (filter.kind === 'individual') clauses.push(`capacity = 'individual'`)
  else if (filter.kind && (ORGANISATION_TYPES as readonly string[]).includes(filter.kind)) {
    clauses.push(`capacity = 'organisation' AND organisation_type = ${bind(filter.kind)}`)
  }
  if (filter.consent) {
    clauses.push(
      `(record -> 'consents' ->> 'publishName')::boolean = ${bind(filter.consent === 'yes')}`,
    )
  }
  if (filter.source) clauses.push(`source = ${bind(filter.source)}`)
  if (filter.q) {
    const like = bind(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    clauses.push(
      `(certificate_no ILIKE ${like} OR paper_ref ILIKE ${like} OR (record ->> 'firstName') || ' ' || (record ->> 'lastName') ILIKE ${like}
        OR record ->> 'email' ILIKE ${like} OR record ->> 'organisationName' ILIKE ${like})`,
    )
  }
  if (after) {
    clauses.push(
      `(received_at, id) < (${bind(after.receivedAt)}::timestamptz, ${bind(after.id)}::uuid)`,
    )
  }
  return { where: clauses.join(' AND '), params }
}

export interface SignatureRow {
  receivedAt: string
  batchId: string
  record: SignatureRecord
}

/** Columns every page query reads, with received_at to the microsecond for the cursor. */
export const ROW_COLUMNS = `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_at,
  id::text AS id, batch_id::text AS batch_id, record`

interface Raw {
  received_at: string
  id: string
  batch_id: string
  record: SignatureRecord | string
}

const toRow = (raw: Raw): SignatureRow & { id: string } => ({
  id: raw.id,
  receivedAt: raw.received_at,
  batchId: raw.batch_id,
  record: typeof raw.record === 'string' ? (JSON.parse(raw.record) as SignatureRecord) : raw.record,
})

/**
 * One page of live signatures, newest first, after a cursor: a keyset walk along the
 * (received_at, id) indexes, as fast on page 10 000 as on page 1.
 */
export async function searchSignatures(
  db: Queryable,
  filter: SignatureFilter,
  limit: number,
  after?: Cursor | null,
): Promise<{ rows: (SignatureRow & { id: string })[]; next: string | null }> {
  const { where, params } = whereFor(filter, after)
  params.push(limit + 1)
  const raws = await db.query<Raw>(
    `SELECT ${ROW_COLUMNS} FROM signatures WHERE ${where}
      ORDER BY received_at DESC, id DESC LIMIT $${params.length}`,
    params,
  )
  const rows = raws.slice(0, limit).map(toRow)
  const last = rows.at(-1)
  return {
    rows,
    next:
      raws.length > limit && last
        ? encodeCursor({ receivedAt: last.receivedAt, id: last.id })
        : null,
  }
}

/** One signature by id, live or a tombstone, or null. */
export async function signatureDetails(db: Queryable, id: string) {
  const [row] = await db.query<
    Raw & { certificate_no: string; kiosk_id: string; withdrawn_at: string | null }
  >(
    `SELECT ${ROW_COLUMNS}, certificate_no, kiosk_id,
            to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS withdrawn_at
       FROM signatures WHERE id = $1`,
    [id],
  )
  if (!row) return null
  return {
    id: row.id,
    certificateNo: row.certificate_no,
    kioskId: row.kiosk_id,
    batchId: row.batch_id,
    receivedAt: row.received_at,
    withdrawnAt: row.withdrawn_at,
    record: row.record === null ? null : toRow(row).record,
  }
}
