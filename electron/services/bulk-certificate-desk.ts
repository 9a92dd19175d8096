import { randomBytes } from 'node:crypto'
import { open } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ApiError } from '../shared/api-error'
import { describeWriteProblem, writeProblemOf } from './write-problem'
import {
  CERTIFICATES_PER_CALL,
  DOWNLOAD_PATH_PREFIX,
  type BeginCertificates,
  type CertificatesDownload,
  type CertificatesJobStarted,
  type CertificatesProgress,
  type CertificatesResult,
} from '../shared/bulk-certificates'
import type { PrintResult } from '../shared/printing'
import type { SignatureRecord } from '../shared/signature'
import {
  CopyClosedError,
  hasCertificateStrings,
  NoCertificatesError,
  writeCertificates,
  type WriteCertificatesResult,
} from './certificates'
import type { ExportFolders } from './export-folders'
import { JobRegistry } from './job-registry'
import { printPdf } from './printing'
import { RecordQueue } from './record-queue'
import type { SettingsStore } from './settings-store'

const IDLE_MS = 2 * 60_000
const FINISHED_KEPT_MS = 15 * 60_000
/**
 * How long sending a bulk PDF to the printer may take: the spooler copies the whole file (it can
 * hold thousands of pages), so longer than a visitor's certificate. Only until the queue takes it.
 */
export const BULK_PRINT_TIMEOUT_MS = 2 * 60_000
/** How long a download URL waits for the browser to open it. */
export const DOWNLOAD_OPEN_MS = 60_000

/** A download the web host serves once at its URL. */
export interface PendingDownload {
  /** The file name the browser saves it under. */
  fileName: string
  /**
   * Writes the PDF into `to` (an HTTP response with its headers set, not yet sent) and ends it.
   * Rejects before writing anything when there is nothing to send (the file is gone).
   */
  send(to: Writable): Promise<void>
}

/** What the web host asks for at `DOWNLOAD_PATH_PREFIX<token>`. */
export interface DownloadSource {
  /** The download behind a one-time token, or null when unknown, used or expired. Taking it uses it. */
  take(token: string): PendingDownload | null
}

/** The browser did not open the download URL in time: nothing was written. */
class DownloadNotOpened extends Error {
  constructor() {
    super('The browser did not start the download')
    this.name = 'DownloadNotOpened'
  }
}

interface RunningJob {
  path: string
  total: number
  received: number
  done: number
  queue: RecordQueue<SignatureRecord>
  controller: AbortController
  /** Settles when the writer ends; never rejects (the outcome is in `failure`). */
  writing: Promise<WriteCertificatesResult | null>
  failure: unknown
  finishing: boolean
}

interface FinishedJob {
  path: string
  bytes: number
  /** Set while the PDF is being handed to the spooler, so one press sends it once. */
  printing: boolean
}

class Cancelled extends Error {
  constructor() {
    super('Cancelled')
    this.name = 'Cancelled'
  }
}

export interface BulkCertificateDeskOptions {
  settings: SettingsStore
  folders: ExportFolders
  idleMs?: number
  /** Deadline for handing a finished PDF to the spooler; default BULK_PRINT_TIMEOUT_MS. */
  printTimeoutMs?: number
}

/**
 * Organisers' bulk certificates: records arrive in chunks and are streamed straight into
 * `writeCertificates` (one PDF, a page each) in the export folder. Each `add` answers once the
 * writer has caught up, so at most about two chunks are ever held. Cancel, an error or an
 * abandoned job leave nothing at the destination (the writer's temp file is removed).
 */
export class BulkCertificateDesk implements DownloadSource {
  private readonly running: JobRegistry<RunningJob>
  private readonly finished: JobRegistry<FinishedJob>
  /** One-time download tokens not used yet. */
  private readonly downloads = new Map<string, PendingDownload>()

  constructor(private readonly options: BulkCertificateDeskOptions) {
    this.running = new JobRegistry<RunningJob>({
      idleMs: options.idleMs ?? IDLE_MS,
      // Two, not one: a console reloaded mid-job cannot cancel the old one, which only expires.
      maxJobs: 2,
      noun: 'certificate-job',
      onExpire: (job) => stop(job),
    })
    this.finished = new JobRegistry<FinishedJob>({
      idleMs: FINISHED_KEPT_MS,
      maxJobs: Number.POSITIVE_INFINITY,
      noun: 'certificate-pdf',
    })
  }

  /** Opens the PDF (under a temporary name) and starts the writer waiting for records. */
  async begin(input: BeginCertificates): Promise<CertificatesJobStarted> {
    if (input.language && !hasCertificateStrings(input.language)) {
      throw new ApiError(
        'invalid-argument',
        `No certificate texts in language "${input.language}"`,
        { reason: 'no-certificate-texts', params: { language: input.language } },
      )
    }
    const folder = await this.options.folders.resolve(input.folder)
    const settings = this.options.settings.editable()
    const path = join(
      folder,
      `${settings.eventCode}-${settings.kioskId}-certificates-${input.label}.pdf`,
    )
    const queue = new RecordQueue<SignatureRecord>()
    const controller = new AbortController()
    const job: RunningJob = {
      path,
      total: input.total,
      received: 0,
      done: 0,
      queue,
      controller,
      writing: Promise.resolve(null),
      failure: undefined,
      finishing: false,
    }
    const jobId = this.running.add(job)
    let downloadUrl: string | null = null
    let opened: Promise<Writable> | undefined
    if (input.download) {
      let attach: (to: Writable) => void = () => undefined
      opened = new Promise<Writable>((resolve) => (attach = resolve))
      downloadUrl = this.issue(basename(path), async (to) => attach(to))
    }
    job.writing = (async () => {
      // A download gets every byte: the writer starts once the browser has opened it.
      const copy = opened && (await openedInTime(opened, controller.signal))
      return writeCertificates(queue, path, settings, {
        signal: controller.signal,
        total: input.total,
        ...(input.language ? { language: input.language } : {}),
        ...(copy ? { alsoTo: copy } : {}),
        onProgress: (done) => (job.done = done),
      })
    })().catch((error: unknown) => {
      job.failure = error
      queue.abandon(error)
      return null
    })
    return { jobId, path, downloadUrl }
  }

  /** The download behind a one-time token (see `DownloadSource`). */
  take(token: string): PendingDownload | null {
    const download = this.downloads.get(token) ?? null
    this.downloads.delete(token)
    return download
  }

  /**
   * A one-time URL that streams a finished job's PDF from disk, however big: the file is read
   * in chunks into the response, never whole into memory.
   */
  download(jobId: string): CertificatesDownload {
    const job = this.finishedJob(jobId)
    return {
      url: this.issue(basename(job.path), async (to) => {
        let file
        try {
          file = await open(job.path)
        } catch {
          throw new ApiError('not-found', `The PDF is no longer at ${job.path}`, {
            reason: 'pdf-gone',
            params: { path: job.path },
          })
        }
        await pipeline(file.createReadStream(), to)
      }),
    }
  }

  private issue(fileName: string, send: PendingDownload['send']): string {
    const token = randomBytes(24).toString('base64url')
    this.downloads.set(token, { fileName, send })
    setTimeout(() => this.downloads.delete(token), DOWNLOAD_OPEN_MS).unref()
    return `${DOWNLOAD_PATH_PREFIX}${token}`
  }

  /** Queues a chunk and answers once the writer is within one chunk of it. */
  async add(jobId: string, records: readonly SignatureRecord[]): Promise<CertificatesProgress> {
    const job = this.open(jobId)
    if (job.received + records.length > job.total) {
      throw new ApiError(
        'invalid-argument',
        `This job was started for ${job.total} certificates; more were sent`,
        { reason: 'too-many-certificates', params: { total: job.total } },
      )
    }
    job.queue.push(records)
    job.received += records.length
    await job.queue.waitBelow(CERTIFICATES_PER_CALL)
    if (job.controller.signal.aborted) throw cancelled()
    if (job.failure !== undefined) throw this.fail(jobId, job)
    return { done: job.done, total: job.total }
  }

  /** Ends the PDF and moves it into place. */
  async finish(jobId: string): Promise<CertificatesResult> {
    const job = this.open(jobId)
    job.finishing = true
    job.queue.close()
    const result = await job.writing
    this.running.remove(jobId)
    if (!result) throw this.fail(jobId, job)
    // The finished PDF stays reachable under the same id for a while (download, printer).
    this.finished.add({ path: job.path, bytes: result.bytes, printing: false }, jobId)
    return { path: job.path, count: result.count, bytes: result.bytes }
  }

  /** Stops the writer; the partial PDF is deleted. Unknown ids are fine (already over). */
  async cancel(jobId: string): Promise<void> {
    const job = this.running.remove(jobId)
    if (!job) return
    stop(job)
    await job.writing
  }

  /**
   * Sends the PDF this job wrote to the printer chosen in settings. Only that file: the caller
   * names the job, never a path. Answers once the print queue has taken the job (not once it is
   * printed: thousands of pages take longer than anyone should wait), within the print deadline.
   */
  async print(jobId: string): Promise<PrintResult> {
    const job = this.finishedJob(jobId)
    if (job.printing) {
      throw new ApiError('conflict', 'This certificate PDF is being sent to the printer already', {
        reason: 'pdf-printing',
      })
    }
    job.printing = true
    try {
      // No printer chosen: printPdf answers so, without calling the spooler.
      return await printPdf(job.path, this.options.settings.editable().printerName, {
        timeoutMs: this.options.printTimeoutMs ?? BULK_PRINT_TIMEOUT_MS,
        waitForCompletion: false,
        title: basename(job.path),
      })
    } finally {
      job.printing = false
    }
  }

  /** A finished job's PDF; a job still writing, or one cancelled, failed or gone, is refused. */
  private finishedJob(jobId: string): FinishedJob {
    if (this.finished.has(jobId)) return this.finished.get(jobId)
    if (this.running.has(jobId)) {
      throw new ApiError(
        'conflict',
        'This certificate PDF is not finished yet; send it to the printer once it is written',
        { reason: 'pdf-unfinished' },
      )
    }
    throw new ApiError(
      'not-found',
      'There is no finished certificate PDF for this job (it was cancelled, failed or is too old); create it again',
      { reason: 'pdf-missing' },
    )
  }

  private open(jobId: string): RunningJob {
    const job = this.running.get(jobId)
    if (job.finishing) {
      throw new ApiError('conflict', 'This certificate job is already finishing', {
        reason: 'job-finishing',
      })
    }
    if (job.failure !== undefined) throw this.fail(jobId, job)
    return job
  }

  /** Ends a failed job and turns the writer's failure into what staff should read. */
  private fail(jobId: string, job: RunningJob): ApiError {
    this.running.remove(jobId)
    const error = job.failure
    if (error instanceof ApiError) return error
    if (error instanceof NoCertificatesError) {
      return new ApiError('invalid-argument', error.message, { reason: 'no-certificates' })
    }
    if (error instanceof Cancelled) return cancelled()
    if (error instanceof CopyClosedError || error instanceof DownloadNotOpened) {
      return new ApiError(
        'unavailable',
        `The download in the browser stopped or did not start; nothing was left at ${job.path}. Start again.`,
        { reason: 'download-stopped', params: { path: job.path } },
      )
    }
    const problem = writeProblemOf(error)
    return new ApiError(
      'unavailable',
      `Could not write ${job.path}: ${describeWriteProblem(error)}. Nothing was left there.`,
      { reason: 'write-failed', params: { path: job.path, problem } },
    )
  }
}

function cancelled(): ApiError {
  return new ApiError('conflict', 'The certificate job was cancelled', { reason: 'job-cancelled' })
}

function stop(job: RunningJob): void {
  job.controller.abort(new Cancelled())
  job.queue.abandon(new Cancelled())
}

/** The browser's response stream once it opens the URL; fails when cancelled or not in time. */
function openedInTime(opened: Promise<Writable>, signal: AbortSignal): Promise<Writable> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new DownloadNotOpened()), DOWNLOAD_OPEN_MS)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason as Error)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    void opened.then((to) => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      resolve(to)
    })
  })
}
