/** How quickly the sync engine retries; tests and field debugging may shorten it. */
export interface SyncTuning {
  /** First retry delay (the delay doubles after each failure). */
  baseDelayMs: number
  /** Longest delay between retries. */
  maxDelayMs: number
  /** How often the engine looks for new signatures when nothing is waiting. */
  pollMs: number
  /** 5xx answers in a row after which a batch is split to find the record the register fails on. */
  splitAfterFailures: number
}

export const DEFAULT_TUNING: SyncTuning = {
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  pollMs: 15_000,
  splitAfterFailures: 3,
}

/**
 * Delay before retry number `failures` (1 for the first retry): exponential from `baseDelayMs`
 * up to `maxDelayMs`, with "equal jitter" (between half and all of it) so that kiosks that lost
 * the register together do not all come back in the same second.
 */
export function backoffDelay(
  failures: number,
  tuning: Pick<SyncTuning, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30)
  const ceiling = Math.min(tuning.maxDelayMs, tuning.baseDelayMs * 2 ** exponent)
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
