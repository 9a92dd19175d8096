import type { AuditEntry } from '../../shared/audit'
import type { SignatureRecord, Withdrawal } from '../../shared/signature'
import { summarise, type BatchIdentity } from './batch-rules'
import { buildSignaturesCsv } from './csv'
import { sha256Hex } from './hash'
import {
  AUDIT_FILE,
  CSV_FILE,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  MANIFEST_FILE,
  SIGNATURES_FILE,
  type ExportManifest,
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
  manifest: ExportManifest
} {
  const csv = buildSignaturesCsv(content.records)
  const signatures = jsonFile({ records: content.records, withdrawals: content.withdrawals })
  const audit = jsonFile({ entries: content.audit })
  const { individuals, organisations, timeRange } = summarise(content.records)
  const manifest: ExportManifest = {
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
      { name: MANIFEST_FILE, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    ],
    manifest,
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
