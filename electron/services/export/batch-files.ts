import type { AuditEntry } from '../../shared/audit'
import type { SignatureRecord, Withdrawal } from '../../shared/signature'
import { summarise, type BatchIdentity } from './batch-rules'
import { buildSignaturesCsv } from './csv'
import { encryptTo } from './encryption'
import { sha256Hex } from './hash'
import {
  AUDIT_FILE,
  CSV_FILE,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  BATCH_FILES,
  MANIFEST_FILE,
  SIGNATURES_FILE,
  encryptedName,
  type EncryptedManifest,
  type PlainManifest,
} from './manifest'

/** Already validated and sorted content of one day batch. */
export interface BatchContent extends BatchIdentity {
  appVersion: string
  records: readonly SignatureRecord[]
  withdrawals: readonly Withdrawal[]
  audit: readonly AuditEntry[]
}

export interface BatchFile {
  name: string
  data: Buffer
}

/**
 * The bytes of every file of a batch, manifest last. Pure: the same content always gives the
 * same bytes, which is what makes a re-export identical. Objects are written with keys in schema
 * order because they come out of zod parsing, which rebuilds them in shape order.
 */
export function buildBatchFiles(content: BatchContent): {
  files: BatchFile[]
  manifest: PlainManifest
} {
  const csv = buildSignaturesCsv(content.records)
  const signatures = jsonFile({ records: content.records, withdrawals: content.withdrawals })
  const audit = jsonFile({ entries: content.audit })
  const { individuals, organisations, timeRange } = summarise(content.records)
  const manifest: PlainManifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    eventCode: content.eventCode,
    kioskId: content.kioskId,
    day: content.day,
    appVersion: content.appVersion,
    counts: {
      records: content.records.length,
      individuals,
      organisations,
      withdrawals: content.withdrawals.length,
      auditEntries: content.audit.length,
    },
    timeRange,
    files: {
      [CSV_FILE]: fingerprint(csv),
      [SIGNATURES_FILE]: fingerprint(signatures),
      [AUDIT_FILE]: fingerprint(audit),
    },
  }
  return {
    files: [
      { name: CSV_FILE, data: csv },
      { name: SIGNATURES_FILE, data: signatures },
      { name: AUDIT_FILE, data: audit },
      manifestFile(manifest),
    ],
    manifest,
  }
}

/**
 * The encrypted form of a built batch: each data file encrypted with age to `recipient` (named
 * `<file>.age`), and a manifest that keeps the counts and times but fingerprints the encrypted
 * files. Decrypting gives back exactly the plain files; the manifest of the plain form is
 * rebuilt from them (plainManifestFor).
 */
export async function encryptBatchFiles(
  plain: { files: BatchFile[]; manifest: PlainManifest },
  recipient: string,
): Promise<{ files: BatchFile[]; manifest: EncryptedManifest }> {
  const files: BatchFile[] = []
  const entries: Partial<Record<string, { bytes: number; sha256: string }>> = {}
  for (const name of BATCH_FILES) {
    const source = plain.files.find((file) => file.name === name)
    if (!source) throw new Error(`${name} is missing from the batch`)
    const data = await encryptTo(recipient, source.data)
    files.push({ name: encryptedName(name), data })
    entries[encryptedName(name)] = fingerprint(data)
  }
  const { files: _plainFiles, ...rest } = plain.manifest
  const manifest: EncryptedManifest = {
    ...rest,
    formatVersion: EXPORT_FORMAT_VERSION,
    encryption: { method: 'age', recipient },
    files: {
      [encryptedName(CSV_FILE)]: entries[encryptedName(CSV_FILE)]!,
      [encryptedName(SIGNATURES_FILE)]: entries[encryptedName(SIGNATURES_FILE)]!,
      [encryptedName(AUDIT_FILE)]: entries[encryptedName(AUDIT_FILE)]!,
    },
  }
  files.push(manifestFile(manifest))
  return { files, manifest }
}

/** The plain manifest of decrypted files: the encrypted manifest's facts, the plain files' fingerprints. */
export function plainManifestFor(
  encrypted: EncryptedManifest,
  plainFiles: Record<(typeof BATCH_FILES)[number], Buffer>,
): PlainManifest {
  const { encryption: _encryption, files: _files, ...rest } = encrypted
  return {
    ...rest,
    files: {
      [CSV_FILE]: fingerprint(plainFiles[CSV_FILE]),
      [SIGNATURES_FILE]: fingerprint(plainFiles[SIGNATURES_FILE]),
      [AUDIT_FILE]: fingerprint(plainFiles[AUDIT_FILE]),
    },
  }
}

export function manifestFile(manifest: PlainManifest | EncryptedManifest): BatchFile {
  return {
    name: MANIFEST_FILE,
    data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
  }
}

function fingerprint(data: Buffer): { bytes: number; sha256: string } {
  return { bytes: data.length, sha256: sha256Hex(data) }
}

/**
 * An object of arrays, one array item per line: readable and diffable, yet a record's long
 * stroke lists stay on one line instead of one number per line.
 */
function jsonFile(lists: Record<string, readonly unknown[]>): Buffer {
  const parts = Object.entries(lists).map(([key, items]) => {
    const body = items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')
    return `  ${JSON.stringify(key)}: ${items.length === 0 ? '[]' : `[\n${body}\n  ]`}`
  })
  return Buffer.from(`{\n${parts.join(',\n')}\n}\n`, 'utf8')
}
