import Papa from 'papaparse'
import type { SignatureRecord } from '../../shared/signature'

/** One column of signatures.csv: its header and how a record fills it. */
export interface CsvColumn {
  header: string
  value: (record: SignatureRecord) => string
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no')
const orEmpty = (value: string | null): string => value ?? ''

/**
 * The fixed column order of signatures.csv (documented in README.md, "Export batch format").
 * Headers are the record's field names so a spreadsheet and signatures.json read alike. Only
 * appended to in a new format version: organisers' spreadsheets refer to columns by position.
 * The drawn signature is left out: it is in signatures.json.
 */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'certificateNo', value: (r) => r.certificateNo },
  { header: 'createdAt', value: (r) => r.createdAt },
  { header: 'day', value: (r) => r.day },
  { header: 'capacity', value: (r) => r.capacity },
  { header: 'firstName', value: (r) => r.firstName },
  { header: 'lastName', value: (r) => r.lastName },
  { header: 'organisationType', value: (r) => orEmpty(r.organisationType) },
  { header: 'organisationName', value: (r) => orEmpty(r.organisationName) },
  { header: 'role', value: (r) => orEmpty(r.role) },
  { header: 'email', value: (r) => orEmpty(r.email) },
  { header: 'country', value: (r) => r.country },
  { header: 'city', value: (r) => orEmpty(r.city) },
  { header: 'language', value: (r) => r.language },
  { header: 'consentEndorse', value: (r) => yesNo(r.consents.endorse) },
  { header: 'consentNewsletter', value: (r) => yesNo(r.consents.newsletter) },
  { header: 'consentPublishName', value: (r) => yesNo(r.consents.publishName) },
  { header: 'consentLocalStory', value: (r) => yesNo(r.consents.localStory) },
  { header: 'eventCode', value: (r) => r.eventCode },
  { header: 'kioskId', value: (r) => r.kioskId },
  { header: 'id', value: (r) => r.id },
  // Format version 2.
  { header: 'consentLocalEvents', value: (r) => yesNo(r.consents.localEvents ?? false) },
  // Format version 3: where the signature was given (records before paper forms say `kiosk`).
  { header: 'source', value: (r) => r.source ?? 'kiosk' },
  { header: 'paperRef', value: (r) => r.paperRef ?? '' },
]

export const CSV_HEADERS: readonly string[] = CSV_COLUMNS.map((column) => column.header)

/** Columns of each earlier format version: 1 before `consentLocalEvents`, 2 before `source`. */
const COLUMN_COUNTS: Readonly<Record<number, number>> = { 1: 20, 2: 21 }

/** The header row a batch of the given format version has. */
export function csvHeadersFor(formatVersion: number): readonly string[] {
  return CSV_HEADERS.slice(0, COLUMN_COUNTS[formatVersion] ?? CSV_HEADERS.length)
}

/**
 * Cells a spreadsheet would run as a formula. Papaparse's own default pattern ends in `.*$`
 * without the `s` flag, so a value with a line break after the `=` slipped through it.
 */
export const FORMULA_START = /^[=+\-@\t\r]/

/** A cell as it reads back from the CSV: formula-like values carry a leading apostrophe. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** The raw (not yet neutralised) cells of one record, in CSV_COLUMNS order. */
export function csvCells(record: SignatureRecord): string[] {
  return CSV_COLUMNS.map((column) => column.value(record))
}

const BOM = '\uFEFF'
const NEWLINE = '\r\n'

/**
 * signatures.csv: UTF-8 with a byte-order mark (so Excel picks UTF-8), CRLF line ends, one header
 * row, one row per record in the given order, a line end after the last row.
 */
export function buildSignaturesCsv(records: readonly SignatureRecord[]): Buffer {
  const csv = Papa.unparse(
    { fields: [...CSV_HEADERS], data: records.map(csvCells) },
    { newline: NEWLINE, escapeFormulae: FORMULA_START, header: true },
  )
  return Buffer.from(BOM + csv + NEWLINE, 'utf8')
}

/**
 * signatures.csv a row at a time, for writers that stream (the register's export): the byte-order
 * mark and header row first, then one line per record. Concatenated, the same bytes as
 * buildSignaturesCsv.
 */
export function signaturesCsvHead(): string {
  return `${BOM}${Papa.unparse([[...CSV_HEADERS]], { newline: NEWLINE, header: false })}${NEWLINE}`
}

export function signaturesCsvRow(record: SignatureRecord): string {
  const row = Papa.unparse([csvCells(record)], {
    newline: NEWLINE,
    escapeFormulae: FORMULA_START,
    header: false,
  })
  return `${row}${NEWLINE}`
}

/** Splits signatures.csv back into rows of cells (header first); throws on malformed CSV. */
export function parseSignaturesCsv(text: string): string[][] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false })
  const rows = result.data
  // The trailing line end yields one empty row; anything else empty is damage.
  const last = rows[rows.length - 1]
  if (last && last.length === 1 && last[0] === '') rows.pop()
  if (result.errors.length > 0) {
    const error = result.errors[0]!
    throw new Error(`${error.message}${error.row === undefined ? '' : ` (row ${error.row + 1})`}`)
  }
  return rows
}
