import { randomUUID } from 'node:crypto'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { MANIFEST_FILE } from '../../../electron/services/export/manifest'
import { ensurePrivateDir, PRIVATE_DIR_MODE } from '../../../electron/services/private-files'
import type { Queryable } from '../db/db'
import { MixedEventsError } from './export-stream'
import { writeExportFolder } from './export-folder'
import { whereFor, type SignatureFilter } from './signature-search'

/** A prepared export is deleted this long after it finished, downloaded or not. */
export const EXPORT_KEEP_MS = 60 * 60_000

export interface ExportJobStatus {
  id: string
  state: 'running' | 'done' | 'empty' | 'failed' | 'cancelled'
  /** Signatures written so far, and how many the filter held when the job started. */
  written: number
  total: number
  encrypted: boolean
  /** The folder's files once done, manifest.json last. */
  files: string[]
  error: string | null
}

/** What a job's work gets: its folder, its cancel signal, and where to report progress. */
export interface JobWork {
  folder: string
  signal: AbortSignal
  progress: (written: number) => void
}

interface Job {
  status: ExportJobStatus
  organiserId: number
  folder: string
  abort: AbortController
  finishedAt: number | null
}

/**
 * Downloads prepared on the register's disk: an export walks the filter's signatures once into a
 * private folder (encrypted to the organisers' key when set), bulk certificates render into one
 * PDF there. Each job reports progress, can be cancelled, and is downloaded file by file, each
 * file the same bytes its manifest fingerprints. A job belongs to the organiser who started it.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>()
  private readonly sweeper: NodeJS.Timeout

  constructor(
    private readonly db: Queryable,
    private readonly root: string,
    private readonly options: { appVersion: string; recipient: string | null; now?: () => number },
  ) {
    this.sweeper = setInterval(() => void this.sweep(), 60_000)
    this.sweeper.unref()
  }

  get encrypts(): boolean {
    return this.options.recipient !== null
  }

  /** Removes whatever an earlier run left behind (a crash mid-export leaves plain files). */
  async init(): Promise<void> {
    await ensurePrivateDir(this.root)
    for (const entry of await readdir(this.root)) {
      await rm(join(this.root, entry), { recursive: true, force: true })
    }
  }

  /** Starts the export of a filter's signatures (a day batch's folder, or a union's). */
  async startExport(filter: SignatureFilter, organiserId: number): Promise<ExportJobStatus> {
    return this.start(organiserId, await this.countOf(filter), this.encrypts, async (job) => {
      const manifest = await writeExportFolder(this.db, filter, job.folder, {
        appVersion: this.options.appVersion,
        recipient: this.options.recipient,
        signal: job.signal,
        onProgress: job.progress,
      })
      return manifest ? [...Object.keys(manifest.files), MANIFEST_FILE] : null
    })
  }

  /** How many live signatures a filter holds now. */
  async countOf(filter: SignatureFilter): Promise<number> {
    const { where, params } = whereFor(filter)
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM signatures WHERE ${where}`,
      params,
    )
    return row?.n ?? 0
  }

  /**
   * Starts a job that writes files into its own private folder and answers their names (null:
   * nothing to write). Its progress is the count it reports of `total`.
   */
  async start(
    organiserId: number,
    total: number,
    encrypted: boolean,
    work: (job: JobWork) => Promise<string[] | null>,
  ): Promise<ExportJobStatus> {
    const id = randomUUID()
    const folder = join(this.root, id)
    await mkdir(folder, { mode: PRIVATE_DIR_MODE })
    const job: Job = {
      status: { id, state: 'running', written: 0, total, encrypted, files: [], error: null },
      organiserId,
      folder,
      abort: new AbortController(),
      finishedAt: null,
    }
    this.jobs.set(id, job)
    void this.run(job, work)
    return { ...job.status }
  }

  private async run(job: Job, work: (job: JobWork) => Promise<string[] | null>): Promise<void> {
    try {
      const files = await work({
        folder: job.folder,
        signal: job.abort.signal,
        progress: (written) => (job.status.written = written),
      })
      if (files) {
        job.status.files = files
        job.status.state = 'done'
      } else {
        job.status.state = 'empty'
        await rm(job.folder, { recursive: true, force: true })
      }
    } catch (error) {
      await rm(job.folder, { recursive: true, force: true })
      if (job.abort.signal.aborted) job.status.state = 'cancelled'
      else {
        job.status.state = 'failed'
        job.status.error =
          error instanceof MixedEventsError ? error.message : 'The files could not be written.'
        if (!(error instanceof MixedEventsError)) console.error('Prepared download failed', error)
      }
    } finally {
      job.finishedAt = this.now()
    }
  }

  /** The job's status, for its own organiser only (null otherwise, as for an unknown id). */
  status(id: string, organiserId: number): ExportJobStatus | null {
    const job = this.jobs.get(id)
    return job && job.organiserId === organiserId ? { ...job.status } : null
  }

  /** The path of one of a finished job's files, or null. */
  file(id: string, organiserId: number, name: string): string | null {
    const job = this.jobs.get(id)
    if (!job || job.organiserId !== organiserId || job.status.state !== 'done') return null
    return job.status.files.includes(name) ? join(job.folder, name) : null
  }

  /** Cancels a running job or deletes a finished one's files. False for an unknown id. */
  async remove(id: string, organiserId: number): Promise<boolean> {
    const job = this.jobs.get(id)
    if (!job || job.organiserId !== organiserId) return false
    if (job.status.state === 'running') {
      job.abort.abort()
      return true
    }
    this.jobs.delete(id)
    await rm(job.folder, { recursive: true, force: true })
    return true
  }

  async sweep(): Promise<void> {
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== null && this.now() - job.finishedAt >= EXPORT_KEEP_MS) {
        this.jobs.delete(id)
        await rm(job.folder, { recursive: true, force: true })
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper)
    for (const job of this.jobs.values()) job.abort.abort()
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }
}
