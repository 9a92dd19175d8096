import { describe, expect, it } from 'vitest'
import { formatBytes } from './format-bytes'

describe('formatBytes', () => {
  it('steps by 1,024 with one decimal below 10', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte')
    expect(formatBytes(1536, 'en')).toBe('1.5 kB')
    expect(formatBytes(25 * 1024 * 1024, 'en')).toBe('25 MB')
    expect(formatBytes(3.25 * 1024 ** 3, 'en')).toBe('3.3 GB')
  })

  it("writes the number and the unit in the reader's language", () => {
    // French puts a narrow no-break space before the unit.
    expect(formatBytes(1536, 'fr')).toMatch(/^1,5\s[kK]o$/)
    expect(formatBytes(1.5 * 1024 * 1024, 'de')).toBe('1,5 MB')
  })
})
