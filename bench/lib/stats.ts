/** Small statistics for the bench: pure functions, unit-tested in stats.test.ts. */

/**
 * The p-th percentile (0–100) of the samples, by linear interpolation between the closest ranks
 * (the method spreadsheets call PERCENTILE.INC). NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  if (p < 0 || p > 100) throw new RangeError(`percentile must be 0–100, not ${p}`)
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  const a = sorted[low]!
  const b = sorted[high]!
  return a + (b - a) * (rank - low)
}

export const median = (samples: readonly number[]) => percentile(samples, 50)
export const p95 = (samples: readonly number[]) => percentile(samples, 95)

/** Rounds to `digits` decimals (1 by default): enough for milliseconds and megabytes. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

export interface Summary {
  n: number
  medianMs: number
  p95Ms: number
  minMs: number
  maxMs: number
}

/** Median, p95, min and max of timed runs, rounded for the results file. */
export function summarise(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    medianMs: round(median(samples)),
    p95Ms: round(p95(samples)),
    minMs: round(Math.min(...samples)),
    maxMs: round(Math.max(...samples)),
  }
}

/** ours / floor, two decimals; undefined when there is no usable floor. */
export function ratio(ours: number, floor: number | undefined): number | undefined {
  if (floor === undefined || !Number.isFinite(floor) || floor <= 0) return undefined
  return round(ours / floor, 2)
}
