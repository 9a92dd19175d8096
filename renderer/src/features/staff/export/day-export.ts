import type { KioskApi } from '@shared/api'
import {
  EXPORT_LINES_PER_CALL,
  EXPORT_RECORDS_PER_CALL,
  type ExportResult,
} from '@shared/export-jobs'
import { loadSignatureRecords } from '../../../db/save-signature'
import type { KioskDB } from '../../../db/schema'
import { recordAudit } from '../audit/record-audit'
import { dayAuditEntries, daySignatureIds, dayWithdrawals } from './export-data'
import { chunks, runMainProcessJob, throwIfCancelled, type JobControl } from './jobs'

export type ExportApi = Pick<
  KioskApi,
  'beginExport' | 'addToExport' | 'finishExport' | 'cancelExport'
>

/**
 * Exports one event day: its signatures (read from IndexedDB in chunks, strokes included), the
 * withdrawals made that day and the day's audit log go to the main process, which writes the
 * batch folder. An `export` line is added to the audit log only after the batch is written.
 */
export async function exportDay(
  db: KioskDB,
  api: ExportApi,
  options: JobControl & { day: string; timeZone: string; folder?: string; unencrypted?: true },
): Promise<ExportResult> {
  const { day, timeZone } = options
  const [ids, withdrawals, audit] = await Promise.all([
    daySignatureIds(db, day),
    dayWithdrawals(db, day, timeZone),
    dayAuditEntries(db, day, timeZone),
  ])
  const result = await runExport(db, api, {
    ...options,
    kind: 'day',
    ids,
    withdrawals,
    audit,
  })
  const [batch] = result.batches
  await recordAudit(
    db,
    'export',
    `Exported ${day}: ${batch?.records ?? 0} signature(s), ${batch?.withdrawals ?? 0} withdrawal(s), ${batch?.auditEntries ?? 0} audit entries to ${result.folder}; ${encryptedNote(result)}`,
  )
  return result
}

/** Exports rows picked in the table: one day batch per day, in a selection folder. */
export async function exportSelection(
  db: KioskDB,
  api: ExportApi,
  options: JobControl & { ids: readonly string[]; folder?: string; unencrypted?: true },
): Promise<ExportResult> {
  const result = await runExport(db, api, {
    kind: 'selection',
    withdrawals: [],
    audit: [],
    ...options,
  })
  const count = result.batches.reduce((sum, batch) => sum + batch.records, 0)
  await recordAudit(
    db,
    'export',
    `Exported a selection of ${count} signature(s) to ${result.folder}; ${encryptedNote(result)}`,
  )
  return result
}

/** The audit line says whether personal data left the kiosk in the clear (a public key is no secret). */
function encryptedNote(result: ExportResult): string {
  return result.encryptedTo ? `encrypted: yes, to ${result.encryptedTo}` : 'encrypted: no'
}

async function runExport(
  db: KioskDB,
  api: ExportApi,
  job: JobControl & {
    kind: 'day' | 'selection'
    day?: string
    folder?: string
    unencrypted?: true
    ids: readonly string[]
    withdrawals: Awaited<ReturnType<typeof dayWithdrawals>>
    audit: Awaited<ReturnType<typeof dayAuditEntries>>
  },
): Promise<ExportResult> {
  const { signal, onProgress } = job
  const folder = {
    ...(job.folder ? { folder: job.folder } : {}),
    ...(job.unencrypted ? { unencrypted: true as const } : {}),
  }
  const begin = () =>
    api.beginExport(
      job.kind === 'day'
        ? { kind: 'day', day: job.day ?? '', ...folder }
        : { kind: 'selection', ...folder },
    )
  const cancel = (jobId: string) => api.cancelExport({ jobId })
  const total = job.ids.length
  let done = 0
  const send = async (jobId: string) => {
    onProgress?.({ phase: 'reading', done, total })
    for (const ids of chunks(job.ids, EXPORT_RECORDS_PER_CALL)) {
      throwIfCancelled(signal)
      const records = await loadSignatureRecords(db, ids)
      await api.addToExport({ jobId, records })
      done += ids.length
      onProgress?.({ phase: 'reading', done, total })
    }
    for (const withdrawals of chunks(job.withdrawals, EXPORT_LINES_PER_CALL)) {
      await api.addToExport({ jobId, withdrawals })
    }
    for (const audit of chunks(job.audit, EXPORT_LINES_PER_CALL)) {
      await api.addToExport({ jobId, audit })
    }
  }
  const finish = (jobId: string) => {
    onProgress?.({ phase: 'writing', done, total })
    return api.finishExport({ jobId })
  }
  return runMainProcessJob(signal, { begin, send, finish, cancel })
}
