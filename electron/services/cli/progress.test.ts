import { describe, expect, it } from 'vitest'
import { createProgress, describeProgress, duration } from './progress'

/** A stand-in for process.stderr that keeps what was written. */
function stream(isTTY: boolean) {
  const writes: string[] = []
  return { isTTY, writes, write: (text: string) => writes.push(text) }
}

describe('CLI progress', () => {
  it('says done of total, the rate and the time left', () => {
    expect(describeProgress(12_500, 25_000, 'pages', 50_000)).toBe(
      '12,500 / 25,000 pages (50%), 250 pages/s, about 50 s left',
    )
    expect(describeProgress(25_000, 25_000, 'pages', 91_000)).toBe(
      '25,000 / 25,000 pages (100%), 275 pages/s, in 1 min 31 s',
    )
    // No rate from the first instant: it would be noise.
    expect(describeProgress(3, 25_000, 'pages', 10)).toBe('3 / 25,000 pages (0%)')
    expect(duration(3725)).toBe('1 h 02 min')
  })

  it('redraws one line with \\r on a terminal, at most every redrawMs, and ends it with a newline', () => {
    let clock = 0
    const out = stream(true)
    const progress = createProgress({
      noun: 'pages',
      total: 1000,
      stream: out,
      now: () => clock,
      redrawMs: 200,
    })
    for (let done = 1; done <= 1000; done++) {
      clock += 1 // 1 ms a page: 1000 pages in a second
      progress.update(done)
    }
    progress.end()
    // One draw at the start, then every 200 ms, the last page, the end's draw and its newline.
    expect(out.writes.length).toBeGreaterThanOrEqual(6)
    expect(out.writes.length).toBeLessThanOrEqual(9)
    expect(out.writes.slice(0, -1).every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true)
    expect(out.writes.at(-1)).toBe('\n')
    expect(out.writes.at(-2)).toContain('1,000 / 1,000 pages (100%), 1,000 pages/s, in 1 s')
  })

  it('writes plain lines at every 10% when not on a terminal, and a last one at the end', () => {
    let clock = 0
    const out = stream(false)
    const progress = createProgress({ noun: 'pages', total: 250, stream: out, now: () => clock })
    for (let done = 1; done <= 250; done++) {
      clock += 4
      progress.update(done)
    }
    progress.end()
    expect(out.writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true)
    expect(out.writes.map((w) => w.split(' ')[0])).toEqual([
      '25',
      '50',
      '75',
      '100',
      '125',
      '150',
      '175',
      '200',
      '225',
      '250',
    ])
    expect(out.writes[4]).toBe('125 / 250 pages (50%), 250 pages/s, about 1 s left\n')
  })
})
