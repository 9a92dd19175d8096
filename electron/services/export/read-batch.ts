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
import { plainManifestFor } from './batch-files'
import { findBatchProblem, summarise } from './batch-rules'
import { csvCells, csvHeadersFor, neutraliseCell, parseSignaturesCsv } from './csv'
import { decryptWith } from './encryption'
import { sha256Hex } from './hash'
import {
  AUDIT_FILE,
  BATCH_FILES,
  CSV_FILE,
  MANIFEST_FILE,
  READABLE_FORMAT_VERSIONS,
  SIGNATURES_FILE,
  encryptedName,
  exportManifestSchema,
  manifestScope,
  type BatchFileName,
  type EncryptedManifest,
  type ExportManifest,
  type PlainManifest,
} from './manifest'

/** A day batch that passed every check of readExportBatch. */
export interface ExportBatch {
  /** Absolute path of the batch folder. */
  folder: string
  /** The manifest of the plain batch (for an encrypted folder: as `decrypt` writes it). */
  manifest: PlainManifest
  /** The recipient the folder's files are encrypted to; null for a plain folder. */
  encryptedTo: string | null
  /** The plain bytes of each data file, checked: what `decrypt` writes out. */
  files: Record<BatchFileName, Buffer>
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

/** An encrypted batch whose encrypted files match their manifest (contents not read). */
export interface EncryptedBatchCheck {
  folder: string
  manifest: EncryptedManifest
}

/** The folder holds an encrypted batch and no key was given to read it. */
export class ExportKeyNeededError extends Error {
  constructor(readonly folder: string) {
    super(`${folder} is encrypted: give the organisers' key file (--key <file>) to read it`)
    this.name = 'ExportKeyNeededError'
  }
}

/**
 * Reads and verifies an export batch folder: manifest.json present and valid, every listed file
 * present with the stated size and SHA-256, no unexpected files, signatures.json and audit.json
 * valid against the schemas, signatures.csv consistent with signatures.json, counts and time
 * range as stated. An encrypted folder needs `identity` (the organisers' secret key): its files
 * are checked, decrypted (age authenticates them) and the plain content checked the same way.
 * Throws ExportInvalidError on the first problem found, ExportKeyNeededError for an encrypted
 * folder without a key.
 */
export async function readExportBatch(
  folder: string,
  options: { identity?: string } = {},
): Promise<ExportBatch> {
  const { path, manifest, contents } = await readListedFiles(folder)
  if (!('encryption' in manifest)) return checkContent(path, manifest, contents, null)
  if (!options.identity) throw new ExportKeyNeededError(path)
  const plain = {} as Record<BatchFileName, Buffer>
  for (const name of BATCH_FILES) {
    const encrypted = encryptedName(name)
    try {
      plain[name] = await decryptWith(options.identity, contents[encrypted]!)
    } catch (error) {
      throw new ExportInvalidError(
        `${encrypted} cannot be decrypted with this key (${(error as Error).message}): wrong key file, or the file was altered`,
        encrypted,
      )
    }
  }
  return checkContent(path, plainManifestFor(manifest, plain), plain, manifest.encryption.recipient)
}

/**
 * Checks a folder without reading personal data: for an encrypted batch, the manifest and the
 * size and SHA-256 of each encrypted file; a plain batch is read and checked in full.
 */
export async function checkExportBatch(folder: string): Promise<EncryptedBatchCheck | ExportBatch> {
  const { path, manifest, contents } = await readListedFiles(folder)
  if ('encryption' in manifest) return { folder: path, manifest }
  return checkContent(path, manifest, contents, null)
}

async function readListedFiles(folder: string): Promise<{
  path: string
  manifest: ExportManifest
  contents: Record<string, Buffer>
}> {
  const path = resolve(folder)
  await expectFolder(path)
  const manifest = await readManifest(path)
  const listed = Object.entries(manifest.files)
  await expectOnlyListedFiles(
    path,
    listed.map(([name]) => name),
  )
  const contents: Record<string, Buffer> = {}
  for (const [name, expected] of listed) {
    contents[name] = await readListedFile(path, name, expected)
  }
  return { path, manifest, contents }
}

function checkContent(
  path: string,
  manifest: PlainManifest,
  contents: Record<string, Buffer>,
  encryptedTo: string | null,
): ExportBatch {
  const files = {
    [CSV_FILE]: contents[CSV_FILE]!,
    [SIGNATURES_FILE]: contents[SIGNATURES_FILE]!,
    [AUDIT_FILE]: contents[AUDIT_FILE]!,
  }
  const signatures = parseJsonFile(files[SIGNATURES_FILE], SIGNATURES_FILE, signaturesFileSchema)
  const audit = parseJsonFile(files[AUDIT_FILE], AUDIT_FILE, auditFileSchema).entries
  checkAgainstManifest(manifest, signatures.records, signatures.withdrawals, audit)
  checkCsv(files[CSV_FILE], signatures.records, csvHeadersFor(manifest.formatVersion))
  return {
    folder: path,
    manifest,
    encryptedTo,
    files,
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
  const readable: readonly unknown[] = READABLE_FORMAT_VERSIONS
  if (typeof version === 'number' && !readable.includes(version)) {
    throw new ExportInvalidError(
      `${MANIFEST_FILE} is format version ${version}; this tool reads versions ${READABLE_FORMAT_VERSIONS.join(', ')}: use a matching version of the kiosk app`,
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

async function expectOnlyListedFiles(folder: string, listed: string[]): Promise<void> {
  const expected = new Set<string>([MANIFEST_FILE, ...listed])
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
  name: string,
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
  const problem = findBatchProblem(manifestScope(manifest), records, withdrawals)
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
function checkCsv(data: Buffer, records: SignatureRecord[], headers: readonly string[]): void {
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
  if (!header || header.join(',') !== headers.join(',')) {
    fail(`does not have the expected header row (${headers.join(',')})`)
  }
  if (body.length !== records.length) {
    fail(`has ${body.length} rows but ${SIGNATURES_FILE} holds ${records.length} records`)
  }
  records.forEach((record, index) => {
    const expected = csvCells(record).slice(0, headers.length).map(neutraliseCell)
    const row = body[index] ?? []
    const column = headers.findIndex((_, i) => row[i] !== expected[i])
    if (column !== -1 || row.length !== expected.length) {
      const where = column === -1 ? 'has extra cells' : `column ${headers[column]}`
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
