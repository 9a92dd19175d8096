import { describe, expect, it } from 'vitest'
import { dayInZone, isCalendarDay } from './time'

describe('isCalendarDay', () => {
  it('accepts days that exist, leap days included', () => {
    expect(isCalendarDay('2026-10-12')).toBe(true)
    expect(isCalendarDay('2028-02-29')).toBe(true)
  })

  it('refuses days that do not exist or are not YYYY-MM-DD', () => {
    expect(isCalendarDay('2026-02-29')).toBe(false)
    expect(isCalendarDay('2026-13-01')).toBe(false)
    expect(isCalendarDay('2026-1-5')).toBe(false)
    expect(isCalendarDay('')).toBe(false)
  })
})

describe('dayInZone', () => {
  it('gives the day in the event time zone, not in UTC', () => {
    expect(dayInZone(new Date('2026-10-12T22:30:00Z'), 'Europe/Brussels')).toBe('2026-10-13')
  })
})
