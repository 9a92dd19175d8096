/** What a long staff job (export, bulk certificates) reports while it runs. */
export interface JobProgress {
  /** `reading`: records go to the main process; `writing`: it writes files. */
  phase: 'reading' | 'writing'
  done: number
  total: number
}

export interface JobControl {
  signal?: AbortSignal
  onProgress?: (progress: JobProgress) => void
}

/** Staff pressed Cancel. */
export class JobCancelled extends Error {
  constructor() {
    super('Cancelled')
    this.name = 'JobCancelled'
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new JobCancelled()
}

/** Consecutive slices of at most `size` items. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size)
}

/**
 * The life of a job the main process holds (an export, a certificate PDF): begin it there, send
 * the chunks, finish. Both kinds cancel alike: Cancel reaches the main process at once (not after
 * the chunk in flight), and a failure while sending ends the job there too, so no half-written
 * file is left. A failed finish has ended the job in the main process already.
 */
export async function runMainProcessJob<R>(
  signal: AbortSignal | undefined,
  job: {
    begin: () => Promise<{ jobId: string }>
    send: (jobId: string) => Promise<void>
    finish: (jobId: string) => Promise<R>
    cancel: (jobId: string) => Promise<unknown>
  },
): Promise<R> {
  throwIfCancelled(signal)
  const { jobId } = await job.begin()
  const stop = () => void job.cancel(jobId).catch(() => undefined)
  signal?.addEventListener('abort', stop, { once: true })
  try {
    await job.send(jobId)
    throwIfCancelled(signal)
  } catch (error) {
    signal?.removeEventListener('abort', stop)
    if (signal?.aborted) throw new JobCancelled()
    await job.cancel(jobId).catch(() => undefined)
    throw error
  }
  signal?.removeEventListener('abort', stop)
  return job.finish(jobId)
}
