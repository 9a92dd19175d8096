import { describe, expect, it } from 'vitest'
import { DEFAULT_TUNING, backoffDelay } from './backoff'

describe('backoffDelay', () => {
  it('doubles from 1 s up to 5 min', () => {
    const top = (n: number) => backoffDelay(n, DEFAULT_TUNING, () => 1)
    expect([1, 2, 3, 4, 5].map(top)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000])
    expect(top(9)).toBe(256_000)
    expect(top(10)).toBe(300_000)
    expect(top(1_000)).toBe(300_000)
  })

  it('jitters between half and all of the delay', () => {
    expect(backoffDelay(3, DEFAULT_TUNING, () => 0)).toBe(2_000)
    expect(backoffDelay(3, DEFAULT_TUNING, () => 0.5)).toBe(3_000)
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(4, DEFAULT_TUNING)))
    expect(seen.size).toBeGreaterThan(10)
    for (const delay of seen) {
      expect(delay).toBeGreaterThanOrEqual(4_000)
      expect(delay).toBeLessThanOrEqual(8_000)
    }
  })
})
