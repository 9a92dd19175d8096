import { randomUUID } from 'node:crypto'
import { ApiError } from '../shared/api-error'

export type JobNoun = 'export' | 'certificate-job' | 'certificate-pdf'
const ENGLISH: Record<JobNoun, string> = {
  export: 'export',
  'certificate-job': 'certificate job',
  'certificate-pdf': 'certificate PDF',
}

export interface JobRegistryOptions<J> {
  /** A job not touched for this long is dropped (the console was reloaded or locked mid-job). */
  idleMs: number
  /** Jobs open at once; a further `add` is refused until one ends. */
  maxJobs: number
  /** Which kind of job, for messages (`errors.jobs.<noun>` on screen). */
  noun: JobNoun
  /** Releases what an expired job holds (an open file, records in memory). */
  onExpire?: (job: J) => void
}

/**
 * Jobs that span several calls (exports, bulk certificates), keyed by an unguessable id. Each
 * call through `get` keeps a job alive; one left alone expires, so an abandoned job never holds
 * memory or a half-written file for long.
 */
export class JobRegistry<J> {
  private readonly jobs = new Map<string, { job: J; timer: NodeJS.Timeout }>()

  constructor(private readonly options: JobRegistryOptions<J>) {}

  /** Registers a job and returns its id (a new UUID unless given); refuses when too many are open. */
  add(job: J, id: string = randomUUID()): string {
    if (this.jobs.size >= this.options.maxJobs) {
      throw new ApiError(
        'conflict',
        `Another ${ENGLISH[this.options.noun]} is still running; wait for it or cancel it first.`,
        { reason: 'job-busy', params: { job: this.options.noun } },
      )
    }
    this.remove(id)
    this.jobs.set(id, { job, timer: this.arm(id) })
    return id
  }

  /** The job with this id, kept alive for another idle period; an unknown or expired id throws. */
  get(id: string): J {
    const entry = this.jobs.get(id)
    if (!entry) {
      throw new ApiError(
        'not-found',
        `This ${ENGLISH[this.options.noun]} is no longer running (it ended or was idle too long); start it again.`,
        { reason: 'job-gone', params: { job: this.options.noun } },
      )
    }
    clearTimeout(entry.timer)
    entry.timer = this.arm(id)
    return entry.job
  }

  /** Whether a job with this id is open (without keeping it alive). */
  has(id: string): boolean {
    return this.jobs.has(id)
  }

  /** Forgets a job (finished or cancelled); returns it if it was still there. */
  remove(id: string): J | undefined {
    const entry = this.jobs.get(id)
    if (!entry) return undefined
    clearTimeout(entry.timer)
    this.jobs.delete(id)
    return entry.job
  }

  get size(): number {
    return this.jobs.size
  }

  private arm(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const job = this.remove(id)
      if (job !== undefined) this.options.onExpire?.(job)
    }, this.options.idleMs)
    // An idle job must never keep the process (or a test run) alive.
    timer.unref()
    return timer
  }
}
