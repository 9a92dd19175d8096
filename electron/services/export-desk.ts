import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { ApiError } from '../shared/api-error'
import { writeProblemOf } from './write-problem'
import type { AuditEntry } from '../shared/audit'
import type {
  AddToExport,
  BeginExport,
  ExportAddResult,
  ExportBatchSummary,
  ExportJobStarted,
  ExportResult,
} from '../shared/export-jobs'
import type { SignatureRecord, Withdrawal } from '../shared/signature'
import { APP_VERSION } from './app-version'
import { writeDayBatch, type WrittenBatch } from './export'
import type { ExportFolders } from './export-folders'
import { JobRegistry } from './job-registry'
import type { SettingsStore } from './settings-store'
import { isCalendarDay } from '../shared/time'

/** More than one kiosk can sign in a whole event; refuse anything larger before memory suffers. */
export const MAX_EXPORT_RECORDS = 200_000
const MAX_EXPORT_LINES = 200_000
const IDLE_MS = 5 * 60_000

interface ExportJob {
  scope: BeginExport
  parentDir: string
  eventCode: string
  kioskId: string
  records: SignatureRecord[]
  ids: Set<string>
  withdrawals: Withdrawal[]
  audit: AuditEntry[]
  /** The organisers' public key when the job began; null: plain, as staff confirmed. */
  recipient: string | null
  finishing: boolean
}

export interface ExportDeskOptions {
  settings: SettingsStore
  folders: ExportFolders
  appVersion?: string
  now?: () => Date
  idleMs?: number
}

/**
 * Export jobs of the staff console: the renderer (which owns the signatures, in IndexedDB)
 * streams a day's records, tombstones and audit lines in chunks, and `finish` writes the batch
 * with `writeDayBatch`. A selection across days becomes one day batch per day inside a folder of
 * its own, which appears only once complete.
 */
export class ExportDesk {
  private readonly jobs: JobRegistry<ExportJob>
  private readonly now: () => Date
  private readonly appVersion: string

  constructor(private readonly options: ExportDeskOptions) {
    this.jobs = new JobRegistry<ExportJob>({
      idleMs: options.idleMs ?? IDLE_MS,
      maxJobs: 2,
      noun: 'export',
    })
    this.now = options.now ?? (() => new Date())
    this.appVersion = options.appVersion ?? APP_VERSION
  }

  /** Starts an export into the default folder or one chosen in the dialog during this run. */
  async begin(scope: BeginExport): Promise<ExportJobStarted> {
    if (scope.kind === 'day' && !isCalendarDay(scope.day)) {
      throw new ApiError('invalid-argument', `Day: there is no ${scope.day}`, {
        reason: 'no-such-day',
        params: { day: scope.day },
      })
    }
    const { eventCode, kioskId, exportPublicKey } = this.options.settings.editable()
    const recipient = exportPublicKey || null
    if (!recipient && !scope.unencrypted) {
      throw new ApiError(
        'invalid-argument',
        "No organisers' public key is set, so this export would not be encrypted: confirm an unencrypted export, or set the key in Settings",
        { reason: 'export-unencrypted' },
      )
    }
    const parentDir = await this.options.folders.resolve(scope.folder)
    const jobId = this.jobs.add({
      scope,
      parentDir,
      eventCode,
      kioskId,
      records: [],
      ids: new Set(),
      withdrawals: [],
      audit: [],
      recipient,
      finishing: false,
    })
    return { jobId, folder: parentDir, encryptedTo: recipient }
  }

  /** Takes one chunk; a record from another day or one sent twice is refused at once. */
  async add({ jobId, records, withdrawals, audit }: AddToExport): Promise<ExportAddResult> {
    const job = this.openJob(jobId)
    if (job.records.length + records.length > MAX_EXPORT_RECORDS) {
      throw new ApiError(
        'invalid-argument',
        `An export holds at most ${MAX_EXPORT_RECORDS} records`,
        { reason: 'too-many-records', params: { max: MAX_EXPORT_RECORDS } },
      )
    }
    if (
      job.withdrawals.length + withdrawals.length + job.audit.length + audit.length >
      MAX_EXPORT_LINES
    ) {
      throw new ApiError(
        'invalid-argument',
        'Too many withdrawals or audit entries for one export',
        { reason: 'too-many-extras' },
      )
    }
    if (job.scope.kind === 'selection' && (withdrawals.length > 0 || audit.length > 0)) {
      throw new ApiError(
        'invalid-argument',
        'A selection export holds the selected signatures only, no withdrawals or audit entries',
        { reason: 'selection-extras' },
      )
    }
    for (const record of records) {
      if (job.scope.kind === 'day' && record.day !== job.scope.day) {
        throw new ApiError(
          'invalid-argument',
          `Record ${record.certificateNo} is from ${record.day}, not ${job.scope.day}`,
          {
            reason: 'record-wrong-day',
            params: {
              certificateNo: record.certificateNo,
              day: record.day,
              expected: job.scope.day,
            },
          },
        )
      }
      if (job.ids.has(record.id)) {
        throw new ApiError('invalid-argument', `Record ${record.certificateNo} was sent twice`, {
          reason: 'record-twice',
          params: { certificateNo: record.certificateNo },
        })
      }
    }
    for (const record of records) {
      job.ids.add(record.id)
      job.records.push(record)
    }
    job.withdrawals.push(...withdrawals)
    job.audit.push(...audit)
    return { records: job.records.length }
  }

  /** Writes the batch (or the selection's batches) and ends the job, whatever the outcome. */
  async finish(jobId: string): Promise<ExportResult> {
    const job = this.openJob(jobId)
    job.finishing = true
    try {
      return job.scope.kind === 'day'
        ? await this.writeDay(job, job.scope.day)
        : await this.writeSelection(job)
    } finally {
      this.jobs.remove(jobId)
    }
  }

  /** Drops a job and what it received; nothing was written yet. */
  cancel(jobId: string): void {
    this.jobs.remove(jobId)
  }

  private openJob(jobId: string): ExportJob {
    const job = this.jobs.get(jobId)
    if (job.finishing) {
      throw new ApiError('conflict', 'This export is already being written', {
        reason: 'job-finishing',
      })
    }
    return job
  }

  private async writeDay(job: ExportJob, day: string): Promise<ExportResult> {
    const written = await writeDayBatch({
      parentDir: job.parentDir,
      eventCode: job.eventCode,
      kioskId: job.kioskId,
      day,
      appVersion: this.appVersion,
      records: job.records,
      withdrawals: job.withdrawals,
      audit: job.audit,
      ...(job.recipient ? { recipient: job.recipient } : {}),
    })
    return {
      folder: written.folder,
      batches: [summary(day, written)],
      encryptedTo: job.recipient,
    }
  }

  private async writeSelection(job: ExportJob): Promise<ExportResult> {
    if (job.records.length === 0) {
      throw new ApiError('invalid-argument', 'Cannot export: no signature is selected', {
        reason: 'no-selection',
      })
    }
    const byDay = new Map<string, SignatureRecord[]>()
    for (const record of job.records) {
      const list = byDay.get(record.day) ?? []
      list.push(record)
      byDay.set(record.day, list)
    }
    const name = await this.freeSelectionName(job)
    // Built under a hidden name and renamed at the end, like a day batch: a pulled stick never
    // leaves a selection folder that looks complete.
    const temp = join(job.parentDir, `.${name}.partial-${randomBytes(4).toString('hex')}`)
    try {
      await mkdir(temp)
    } catch (error) {
      throw new ApiError(
        'unavailable',
        `Could not write the export to ${job.parentDir}: ${(error as Error).message}`,
        { reason: 'write-failed', params: { path: job.parentDir, problem: writeProblemOf(error) } },
      )
    }
    try {
      const batches: ExportBatchSummary[] = []
      for (const day of [...byDay.keys()].sort()) {
        const written = await writeDayBatch({
          parentDir: temp,
          eventCode: job.eventCode,
          kioskId: job.kioskId,
          day,
          appVersion: this.appVersion,
          records: byDay.get(day) ?? [],
          withdrawals: [],
          audit: [],
          ...(job.recipient ? { recipient: job.recipient } : {}),
        })
        batches.push(summary(day, written))
      }
      const folder = join(job.parentDir, name)
      await rename(temp, folder)
      return {
        folder,
        batches: batches.map((batch) => ({
          ...batch,
          folder: join(folder, basename(batch.folder)),
        })),
        encryptedTo: job.recipient,
      }
    } catch (error) {
      await rm(temp, { recursive: true, force: true })
      throw error
    }
  }

  /** `<event>-<kiosk>-selection-<UTC time>`, with a counter when two land in the same second. */
  private async freeSelectionName(job: ExportJob): Promise<string> {
    const stamp = this.now()
      .toISOString()
      .replace(/\.\d+Z$/, '')
      .replace(/[-:]/g, '')
      .replace('T', '-')
    const base = `${job.eventCode}-${job.kioskId}-selection-${stamp}`
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : `${base}-${n}`
      if (!(await exists(join(job.parentDir, name)))) return name
    }
  }
}

function summary(day: string, { folder, manifest }: WrittenBatch): ExportBatchSummary {
  return { day, folder, ...manifest.counts }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
