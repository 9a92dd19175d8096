import { describe, expect, it } from 'vitest'
import { formatTable, mergeResults, type WorkloadResult } from './results'
import { median, p95, percentile, ratio, round, summarise } from './stats'

describe('percentile', () => {
  it('interpolates between the closest ranks', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(percentile([10, 20, 30, 40, 50], 25)).toBe(20)
    expect(p95(Array.from({ length: 21 }, (_, i) => i * 10))).toBe(190)
    expect(p95([7])).toBe(7)
  })

  it('is NaN without samples and refuses a percent out of range', () => {
    expect(median([])).toBeNaN()
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })

  it('does not reorder the samples it is given', () => {
    const samples = [3, 1, 2]
    median(samples)
    expect(samples).toEqual([3, 1, 2])
  })
})

describe('summarise and ratio', () => {
  it('rounds to a tenth of a millisecond', () => {
    expect(summarise([1.04, 2.06, 3.01, 100.55])).toEqual({
      n: 4,
      medianMs: 2.5,
      p95Ms: 85.9,
      minMs: 1,
      maxMs: 100.6,
    })
    expect(round(1.255, 2)).toBe(1.25)
  })

  it('gives ours / floor to two decimals, nothing without a usable floor', () => {
    expect(ratio(30, 12)).toBe(2.5)
    expect(ratio(30, 0)).toBeUndefined()
    expect(ratio(30, undefined)).toBeUndefined()
  })
})

const result = (name: string, extra: Partial<WorkloadResult> = {}): WorkloadResult => ({
  name,
  n: 10,
  medianMs: 12.34,
  p95Ms: 250,
  target: 'p95 < 50 ms',
  pass: false,
  date: '2026-10-12T10:00:00.000Z',
  ...extra,
})

describe('formatTable', () => {
  it('aligns text left and numbers right, with pass, floor and ratio', () => {
    const table = formatTable([
      result('save-signature@0', { floorMedianMs: 1.5, ratio: 8.23 }),
      result('register-20-kiosks', { pass: null, target: 'none (reported)', peakMemoryMb: 160 }),
    ])
    expect(table.split('\n')).toEqual([
      'workload             n  median ms  p95 ms  peak MB  target           pass  floor ms  ours/floor',
      '------------------  --  ---------  ------  -------  ---------------  ----  --------  ----------',
      'save-signature@0    10       12.3     250           p95 < 50 ms      FAIL       1.5       8.23×',
      'register-20-kiosks  10       12.3     250      160  none (reported)  —',
    ])
  })
})

describe('mergeResults', () => {
  it('replaces a workload run again and keeps the others', () => {
    const merged = mergeResults(
      [result('a'), result('b', { n: 1 })],
      [result('b', { n: 2 }), result('c')],
    )
    expect(merged.map((r) => [r.name, r.n])).toEqual([
      ['a', 10],
      ['b', 2],
      ['c', 10],
    ])
  })
})
