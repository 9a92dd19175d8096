import { resolve } from 'node:path'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { z } from 'zod'
import { AGE_RECIPIENT } from '../../shared/age-recipient'
import { ApiError } from '../../shared/api-error'
import { describeWriteProblem, writeProblemOf } from '../write-problem'
import { auditEntrySchema, type AuditEntry } from '../../shared/audit'
import {
  ISO_DAY,
  signatureRecordSchema,
  withdrawalSchema,
  type SignatureRecord,
  type Withdrawal,
} from '../../shared/signature'
import { writeFolderAtomically } from './atomic-folder'
import { buildBatchFiles, encryptBatchFiles } from './batch-files'
import { findBatchProblem, sortAudit, sortRecords, sortWithdrawals } from './batch-rules'
import {
  BATCH_FILES,
  EVENT_CODE,
  KIOSK_ID,
  batchFolderName,
  manifestScope,
  type ExportManifest,
} from './manifest'
import { isCalendarDay } from '../../shared/time'

export interface WriteDayBatchOptions {
  /** The folder the batch folder is created in (e.g. the USB stick's root). Must exist. */
  parentDir: string
  eventCode: string
  kioskId: string
  /** The event day, YYYY-MM-DD in the event's time zone; every record must carry it. */
  day: string
  appVersion: string
  /** The day's signatures (any order); withdrawn ones belong in `withdrawals` only. */
  records: readonly SignatureRecord[]
  /** Tombstones to hand over with the batch (any order). */
  withdrawals: readonly Withdrawal[]
  /** The day's audit log (any order). */
  audit: readonly AuditEntry[]
  /** The organisers' age public key: when given, the data files are written encrypted to it. */
  recipient?: string
  /** Called as work advances: records checked, then files written; done === total at the end. */
  onProgress?: (done: number, total: number) => void
}

export interface WrittenBatch {
  /** Absolute path of `<eventCode>-<kioskId>-<day>/`. */
  folder: string
  manifest: ExportManifest
}

const recipientSchema = z.string().regex(AGE_RECIPIENT, 'not an age public key (age1…)').optional()

const identitySchema = z.object({
  parentDir: z.string().min(1, 'No export folder given'),
  eventCode: z.string().regex(EVENT_CODE, 'Event code: 2–12 capital letters or digits'),
  kioskId: z.string().regex(KIOSK_ID, 'Kiosk id: 1–8 capital letters or digits'),
  day: z.string().regex(ISO_DAY, 'Day: YYYY-MM-DD').refine(isCalendarDay, 'Day: no such date'),
  appVersion: z.string().min(1).max(50),
})

/** Records validated between two yields, so a big day never freezes the main process for long. */
const CHUNK = 1_000

/**
 * Writes one day's export batch (`signatures.csv`, `signatures.json`, `audit.json`,
 * `manifest.json`) into `<parentDir>/<eventCode>-<kioskId>-<day>/`, replacing an earlier export
 * of that day only once the new one is complete. Deterministic: the same data gives the same
 * bytes. Bad input → ApiError 'invalid-argument' and nothing written; a folder that cannot be
 * written → ApiError 'unavailable' naming it.
 */
export async function writeDayBatch(options: WriteDayBatchOptions): Promise<WrittenBatch> {
  const identity = parseOrReject(identitySchema, options, 'the export settings')
  const recipient = parseOrReject(recipientSchema, options.recipient, 'the export public key')
  const total = options.records.length + BATCH_FILES.length + 1
  let done = 0
  const progress = (step: number) => {
    done += step
    options.onProgress?.(done, total)
  }
  progress(0)

  const records: SignatureRecord[] = []
  for (let start = 0; start < options.records.length; start += CHUNK) {
    const chunk = options.records.slice(start, start + CHUNK)
    chunk.forEach((record, offset) => {
      records.push(
        parseOrReject(signatureRecordSchema, record, describeRecord(record, start + offset)),
      )
    })
    progress(chunk.length)
    await yieldToEventLoop()
  }
  const withdrawals = options.withdrawals.map((withdrawal, index) =>
    parseOrReject(withdrawalSchema, withdrawal, `withdrawal ${index + 1}`),
  )
  const audit = options.audit.map((entry, index) =>
    parseOrReject(auditEntrySchema, entry, `audit entry ${index + 1}`),
  )
  const problem = findBatchProblem(manifestScope(identity), records, withdrawals)
  if (problem) throw rejected(problem)

  const plain = buildBatchFiles({
    ...identity,
    records: sortRecords(records),
    withdrawals: sortWithdrawals(withdrawals),
    audit: sortAudit(audit),
  })
  const { files, manifest } = recipient ? await encryptBatchFiles(plain, recipient) : plain
  const parentDir = resolve(identity.parentDir)
  const name = batchFolderName(identity.eventCode, identity.kioskId, identity.day)
  let folder: string
  try {
    folder = await writeFolderAtomically(parentDir, name, files, () => progress(1))
  } catch (error) {
    throw unwritable(parentDir, error)
  }
  return { folder, manifest }
}

function parseOrReject<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
  throw rejected(`${what} is invalid${where}: ${issue?.message ?? 'unknown problem'}`)
}

function describeRecord(record: unknown, index: number): string {
  const certificateNo = (record as { certificateNo?: unknown } | null)?.certificateNo
  return typeof certificateNo === 'string'
    ? `record ${index + 1} (${certificateNo})`
    : `record ${index + 1}`
}

function rejected(problem: string): ApiError {
  return new ApiError('invalid-argument', `Cannot export: ${problem}. Nothing was written.`, {
    reason: 'export-invalid',
  })
}

/** Staff see this at the booth: say what to do about the folder, not which syscall failed. */
function unwritable(parentDir: string, error: unknown): ApiError {
  const problem = writeProblemOf(error)
  const failure = new ApiError(
    'unavailable',
    `Could not write the export to ${parentDir}: ${describeWriteProblem(error)}. Nothing half-written is left under that name.`,
    { reason: 'write-failed', params: { path: parentDir, problem } },
  )
  failure.cause = error
  return failure
}
