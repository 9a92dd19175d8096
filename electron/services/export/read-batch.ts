import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { auditEntrySchema, type AuditEntry } from '../../shared/audit'
import {
  signatureRecordSchema,
  withdrawalSchema,
  type SignatureRecord,
  type Withdrawal,
} from '../../shared/signature'
import { findBatchProblem, summarise } from './batch-rules'
import { CSV_HEADERS, csvCells, neutraliseCell, parseSignaturesCsv } from './csv'
import { sha256Hex } from './hash'
import {
  AUDIT_FILE,
  BATCH_FILES,
  CSV_FILE,
  EXPORT_FORMAT_VERSION,
  MANIFEST_FILE,
  SIGNATURES_FILE,
  exportManifestSchema,
  type BatchFileName,
  type ExportManifest,
} from './manifest'

/** A day batch that passed every check of readExportBatch. */
export interface ExportBatch {
  /** Absolute path of the batch folder. */
  folder: string
  manifest: ExportManifest
  /** Sorted by certificate number, as written. */
  records: SignatureRecord[]
  withdrawals: Withdrawal[]
  audit: AuditEntry[]
}

/** The folder is not an intact export batch; the message names the file and what is wrong. */
export class ExportInvalidError extends Error {
  constructor(
    message: string,
    /** The file at fault, when one is (e.g. "signatures.csv"). */
    readonly file?: string,
  ) {
    super(message)
    this.name = 'ExportInvalidError'
  }
}

/**
 * Files operating systems drop into folders they merely display (Finder, Explorer). An organiser
 * who looked at the stick on a Mac has not tampered with the batch.
 */
const SYSTEM_CLUTTER = /^(\.DS_Store|Thumbs\.db|desktop\.ini|\._.*)$/i

const signaturesFileSchema = z.object({
  records: z.array(signatureRecordSchema),
  withdrawals: z.array(withdrawalSchema),
})
const auditFileSchema = z.object({ entries: z.array(auditEntrySchema) })

/**
 * Reads and verifies an export batch folder: manifest.json present and valid, every listed file
 * present with the stated size and SHA-256, no unexpected files, signatures.json and audit.json
 * valid against the schemas, signatures.csv consistent with signatures.json, counts and time
 * range as stated. Throws ExportInvalidError on the first problem found.
 */
export async function readExportBatch(folder: string): Promise<ExportBatch> {
  const path = resolve(folder)
  await expectFolder(path)
  const manifest = await readManifest(path)
  await expectOnlyListedFiles(path)
  const contents = {} as Record<BatchFileName, Buffer>
  for (const name of BATCH_FILES) {
    contents[name] = await readListedFile(path, name, manifest.files[name])
  }
  const signatures = parseJsonFile(contents[SIGNATURES_FILE], SIGNATURES_FILE, signaturesFileSchema)
  const audit = parseJsonFile(contents[AUDIT_FILE], AUDIT_FILE, auditFileSchema).entries
  checkAgainstManifest(manifest, signatures.records, signatures.withdrawals, audit)
  checkCsv(contents[CSV_FILE], signatures.records)
  return {
    folder: path,
    manifest,
    records: signatures.records,
    withdrawals: signatures.withdrawals,
    audit,
  }
}

async function expectFolder(path: string): Promise<void> {
  let isFolder: boolean
  try {
    isFolder = (await stat(path)).isDirectory()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ExportInvalidError(`${path} does not exist`)
    }
    throw error
  }
  if (!isFolder) throw new ExportInvalidError(`${path} is not a folder`)
}

async function readManifest(folder: string): Promise<ExportManifest> {
  const raw = await readOptional(join(folder, MANIFEST_FILE))
  if (raw === null) {
    throw new ExportInvalidError(`${MANIFEST_FILE} is missing: not an export folder`, MANIFEST_FILE)
  }
  const json = parseJson(raw, MANIFEST_FILE)
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion
  if (typeof version === 'number' && version !== EXPORT_FORMAT_VERSION) {
    throw new ExportInvalidError(
      `${MANIFEST_FILE} is format version ${version}; this tool reads version ${EXPORT_FORMAT_VERSION}: use a matching version of the kiosk app`,
      MANIFEST_FILE,
    )
  }
  const result = exportManifestSchema.safeParse(json)
  if (!result.success) {
    throw new ExportInvalidError(
      `${MANIFEST_FILE} is not a valid export manifest: ${firstIssue(result.error)}`,
      MANIFEST_FILE,
    )
  }
  return result.data
}

async function expectOnlyListedFiles(folder: string): Promise<void> {
  const expected = new Set<string>([MANIFEST_FILE, ...BATCH_FILES])
  for (const entry of await readdir(folder)) {
    if (!expected.has(entry) && !SYSTEM_CLUTTER.test(entry)) {
      throw new ExportInvalidError(
        `unexpected file "${entry}" in the export folder: it is not listed in ${MANIFEST_FILE}`,
        entry,
      )
    }
  }
}

async function readListedFile(
  folder: string,
  name: BatchFileName,
  expected: { bytes: number; sha256: string },
): Promise<Buffer> {
  const data = await readOptional(join(folder, name))
  if (data === null) {
    throw new ExportInvalidError(`${name} is missing (it is listed in ${MANIFEST_FILE})`, name)
  }
  if (data.length !== expected.bytes) {
    throw new ExportInvalidError(
      `${name} has ${data.length} bytes but ${MANIFEST_FILE} says ${expected.bytes}: it was changed or cut short`,
      name,
    )
  }
  if (sha256Hex(data) !== expected.sha256) {
    throw new ExportInvalidError(
      `${name} does not match its SHA-256 in ${MANIFEST_FILE}: it was changed after the export`,
      name,
    )
  }
  return data
}

function parseJsonFile<T>(data: Buffer, name: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(parseJson(data, name))
  if (!result.success) {
    throw new ExportInvalidError(
      `${name} does not match the export schema: ${firstIssue(result.error)}`,
      name,
    )
  }
  return result.data
}

function checkAgainstManifest(
  manifest: ExportManifest,
  records: SignatureRecord[],
  withdrawals: Withdrawal[],
  audit: AuditEntry[],
): void {
  const fail = (problem: string): never => {
    throw new ExportInvalidError(
      `${SIGNATURES_FILE} does not agree with ${MANIFEST_FILE}: ${problem}`,
      SIGNATURES_FILE,
    )
  }
  const problem = findBatchProblem(manifest, records, withdrawals)
  if (problem) fail(problem)
  const { individuals, organisations, timeRange } = summarise(records)
  const actual = {
    records: records.length,
    individuals,
    organisations,
    withdrawals: withdrawals.length,
  }
  for (const [what, count] of Object.entries(actual)) {
    const stated = manifest.counts[what as keyof typeof actual]
    if (stated !== count) fail(`${MANIFEST_FILE} counts ${stated} ${what}, the file holds ${count}`)
  }
  if (JSON.stringify(timeRange) !== JSON.stringify(manifest.timeRange)) {
    fail(`the time range of the signatures is not the one in ${MANIFEST_FILE}`)
  }
  if (manifest.counts.auditEntries !== audit.length) {
    throw new ExportInvalidError(
      `${AUDIT_FILE} holds ${audit.length} entries but ${MANIFEST_FILE} counts ${manifest.counts.auditEntries}`,
      AUDIT_FILE,
    )
  }
}

/** signatures.csv must say what signatures.json says, row for row and cell for cell. */
function checkCsv(data: Buffer, records: SignatureRecord[]): void {
  const fail = (problem: string): never => {
    throw new ExportInvalidError(`${CSV_FILE} ${problem}`, CSV_FILE)
  }
  const text = data.toString('utf8')
  if (!text.startsWith('\uFEFF')) fail('does not start with a UTF-8 byte-order mark')
  let rows: string[][] = []
  try {
    rows = parseSignaturesCsv(text)
  } catch (error) {
    fail(`is not valid CSV: ${(error as Error).message}`)
  }
  const [header, ...body] = rows
  if (!header || header.join(',') !== CSV_HEADERS.join(',')) {
    fail(`does not have the expected header row (${CSV_HEADERS.join(',')})`)
  }
  if (body.length !== records.length) {
    fail(`has ${body.length} rows but ${SIGNATURES_FILE} holds ${records.length} records`)
  }
  records.forEach((record, index) => {
    const expected = csvCells(record).map(neutraliseCell)
    const row = body[index] ?? []
    const column = CSV_HEADERS.findIndex((_, i) => row[i] !== expected[i])
    if (column !== -1 || row.length !== expected.length) {
      const where = column === -1 ? 'has extra cells' : `column ${CSV_HEADERS[column]}`
      fail(`row ${index + 2} does not match ${SIGNATURES_FILE} (${record.certificateNo}): ${where}`)
    }
  })
}

function parseJson(data: Buffer, name: string): unknown {
  try {
    return JSON.parse(data.toString('utf8'))
  } catch (error) {
    throw new ExportInvalidError(`${name} is not valid JSON: ${(error as Error).message}`, name)
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'unknown problem'
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message
}

async function readOptional(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR') return null
    throw error
  }
}
