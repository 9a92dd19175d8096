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
