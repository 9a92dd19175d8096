import { describe, expect, it, vi } from 'vitest'
import { newId } from './ids'
import { UUID } from './signature'

describe('newId', () => {
  it('makes lowercase UUIDv7s that sort by creation time', () => {
    vi.useFakeTimers()
    try {
      vi.setSystemTime(new Date('2026-10-13T09:00:00Z'))
      const first = newId()
      vi.setSystemTime(new Date('2026-10-13T09:00:01Z'))
      const second = newId()
      for (const id of [first, second]) {
        expect(id).toMatch(UUID)
        expect(id[14]).toBe('7')
      }
      expect([second, first].sort()).toEqual([first, second])
      // The first 48 bits are the creation time in milliseconds.
      expect(parseInt(first.replace(/-/g, '').slice(0, 12), 16)).toBe(
        Date.parse('2026-10-13T09:00:00Z'),
      )
    } finally {
      vi.useRealTimers()
    }
  })
})
