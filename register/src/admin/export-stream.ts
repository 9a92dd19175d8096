import { createHash } from 'node:crypto'
import { signaturesCsvHead, signaturesCsvRow } from '../../../electron/services/export/csv'
import {
  AUDIT_FILE,
  CSV_FILE,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  SIGNATURES_FILE,
  type ExportManifest,
} from '../../../electron/services/export/manifest'
import { signatureRecordSchema, type SignatureRecord } from '../../../electron/shared/signature'
import type { Queryable } from '../db/db'
import { whereFor, type SignatureFilter } from './signature-search'

/** Rows fetched per keyset page: what is in memory at once, whatever the export's size. */
const PAGE = 500

/**
 * The live signatures of a filter in certificate order, a page at a time (a keyset walk on the
 * certificate number's unique index), parsed back into schema key order (jsonb reorders keys).
 */
export async function* recordsOf(
  db: Queryable,
  filter: SignatureFilter,
): AsyncGenerator<SignatureRecord> {
  let after = ''
  for (;;) {
    const { where, params } = whereFor(filter)
    params.push(after, PAGE)
    const rows = await db.query<{ certificate_no: string; record: unknown }>(
      `SELECT certificate_no, record FROM signatures
        WHERE ${where} AND certificate_no > $${params.length - 1}
        ORDER BY certificate_no LIMIT $${params.length}`,
      params,
    )
    for (const row of rows) {
      const raw = typeof row.record === 'string' ? (JSON.parse(row.record) as unknown) : row.record
      yield signatureRecordSchema.parse(raw)
    }
    const last = rows.at(-1)
    if (!last || rows.length < PAGE) return
    after = last.certificate_no
  }
}

/** signatures.csv of a filter, as the kiosk's day batch writes it. */
export async function* csvChunks(db: Queryable, filter: SignatureFilter) {
  yield Buffer.from(signaturesCsvHead(), 'utf8')
  for await (const record of recordsOf(db, filter)) {
    yield Buffer.from(signaturesCsvRow(record), 'utf8')
  }
}

/**
 * signatures.json of a filter, in the day batch's layout: one record per line. Withdrawals stay
 * empty: a withdrawal erased the record, and the register keeps no day for a tombstone.
 */
export async function* jsonChunks(db: Queryable, filter: SignatureFilter) {
  let first = true
  for await (const record of recordsOf(db, filter)) {
    yield Buffer.from(`${first ? '{\n  "records": [\n' : ',\n'}    ${JSON.stringify(record)}`)
    first = false
  }
  yield Buffer.from(`${first ? '{\n  "records": []' : '\n  ]'},\n  "withdrawals": []\n}\n`)
}

/** audit.json: the register holds no kiosk's audit log, so it is empty. */
export const EMPTY_AUDIT = Buffer.from('{\n  "entries": []\n}\n', 'utf8')

async function fingerprint(chunks: AsyncIterable<Buffer>) {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of chunks) {
    hash.update(chunk)
    bytes += chunk.length
  }
  return { bytes, sha256: hash.digest('hex') }
}

/** A filter's signatures come from more than one event: one manifest cannot describe them. */
export class MixedEventsError extends Error {
  constructor(readonly eventCodes: readonly string[]) {
    super(
      `The filter holds signatures of several events (${eventCodes.join(', ')}): an export describes one event.`,
    )
  }
}

/**
 * manifest.json for a filter, computed by streaming the files once more (nothing kept in
 * memory): a day batch's manifest for one kiosk and day, else a union's, listing the kiosks and
 * days it holds. Null when the filter matches no signature (a manifest needs an event code).
 */
export async function buildManifest(
  db: Queryable,
  filter: SignatureFilter,
  appVersion: string,
): Promise<ExportManifest | null> {
  const events = new Set<string>()
  const kiosks = new Set<string>()
  const days = new Set<string>()
  let records = 0
  let individuals = 0
  let range: { first: string; last: string } | null = null
  for await (const record of recordsOf(db, filter)) {
    events.add(record.eventCode)
    kiosks.add(record.kioskId)
    days.add(record.day)
    records++
    if (record.capacity === 'individual') individuals++
    // As summarise() does for the kiosk: compare instants, keep the strings as written.
    const at = Date.parse(record.createdAt)
    if (!range) range = { first: record.createdAt, last: record.createdAt }
    else if (at < Date.parse(range.first)) range.first = record.createdAt
    else if (at > Date.parse(range.last)) range.last = record.createdAt
  }
  const [eventCode, ...others] = [...events]
  if (eventCode === undefined) return null
  if (others.length > 0) throw new MixedEventsError([...events].sort())
  const scope =
    filter.kiosk && filter.day
      ? { kioskId: filter.kiosk, day: filter.day }
      : { kioskIds: [...kiosks].sort(), days: [...days].sort() }
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    eventCode,
    ...scope,
    appVersion,
    counts: {
      records,
      individuals,
      organisations: records - individuals,
      withdrawals: 0,
      auditEntries: 0,
    },
    timeRange: range,
    files: {
      [CSV_FILE]: await fingerprint(csvChunks(db, filter)),
      [SIGNATURES_FILE]: await fingerprint(jsonChunks(db, filter)),
      [AUDIT_FILE]: {
        bytes: EMPTY_AUDIT.length,
        sha256: createHash('sha256').update(EMPTY_AUDIT).digest('hex'),
      },
    },
  }
}
