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
    yield Buffer.from(jsonRecordText(record, first))
    first = false
  }
  yield Buffer.from(jsonEndText(first))
}

/** One record of signatures.json, with the file's head before the first. */
export const jsonRecordText = (record: SignatureRecord, first: boolean) =>
  `${first ? '{\n  "records": [\n' : ',\n'}    ${JSON.stringify(record)}`

/** The end of signatures.json, after `jsonRecordText` (or alone, for no record). */
export const jsonEndText = (empty: boolean) =>
  `${empty ? '{\n  "records": []' : '\n  ]'},\n  "withdrawals": []\n}\n`

/** audit.json: the register holds no kiosk's audit log, so it is empty. */
export const EMPTY_AUDIT = Buffer.from('{\n  "entries": []\n}\n', 'utf8')
export const EMPTY_AUDIT_ENTRY = {
  bytes: EMPTY_AUDIT.length,
  sha256: createHash('sha256').update(EMPTY_AUDIT).digest('hex'),
}

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
 * What a manifest says of the records it describes, counted as they stream past: the event, the
 * kiosks and days, the counts and the time range.
 */
export class ManifestTally {
  private readonly events = new Set<string>()
  private readonly kiosks = new Set<string>()
  private readonly days = new Set<string>()
  records = 0
  private individuals = 0
  private range: { first: string; last: string } | null = null

  add(record: SignatureRecord): void {
    this.events.add(record.eventCode)
    this.kiosks.add(record.kioskId)
    this.days.add(record.day)
    this.records++
    if (record.capacity === 'individual') this.individuals++
    // As summarise() does for the kiosk: compare instants, keep the strings as written.
    const at = Date.parse(record.createdAt)
    if (!this.range) this.range = { first: record.createdAt, last: record.createdAt }
    else if (at < Date.parse(this.range.first)) this.range.first = record.createdAt
    else if (at > Date.parse(this.range.last)) this.range.last = record.createdAt
  }

  /**
   * The manifest without its files: a day batch's scope for one kiosk and day, else a union's.
   * Null when no record was added; MixedEventsError for records of several events.
   */
  facts(filter: SignatureFilter, appVersion: string) {
    const [eventCode, ...others] = [...this.events]
    if (eventCode === undefined) return null
    if (others.length > 0) throw new MixedEventsError([...this.events].sort())
    // The literals keep their own types (a returned object would widen them to string, number).
    return {
      format: EXPORT_FORMAT as typeof EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION as typeof EXPORT_FORMAT_VERSION,
      eventCode,
      ...(filter.kiosk && filter.day
        ? { kioskId: filter.kiosk, day: filter.day }
        : { kioskIds: [...this.kiosks].sort(), days: [...this.days].sort() }),
      appVersion,
      counts: {
        records: this.records,
        individuals: this.individuals,
        organisations: this.records - this.individuals,
        withdrawals: 0,
        auditEntries: 0,
      },
      timeRange: this.range,
    }
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
  const tally = new ManifestTally()
  for await (const record of recordsOf(db, filter)) tally.add(record)
  const facts = tally.facts(filter, appVersion)
  if (!facts) return null
  return {
    ...facts,
    files: {
      [CSV_FILE]: await fingerprint(csvChunks(db, filter)),
      [SIGNATURES_FILE]: await fingerprint(jsonChunks(db, filter)),
      [AUDIT_FILE]: EMPTY_AUDIT_ENTRY,
    },
  }
}
