import { describe, expect, it } from 'vitest'
import { dayInZone, instantInZone, isCalendarDay, wallClockInZone } from './time'

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

describe('instantInZone and wallClockInZone', () => {
  it('reads a wall-clock time in the event time zone, summer and winter', () => {
    expect(instantInZone('2026-10-13', '09:30', 'Europe/Brussels')?.toISOString()).toBe(
      '2026-10-13T07:30:00.000Z',
    )
    expect(instantInZone('2026-12-01', '00:15', 'Europe/Brussels')?.toISOString()).toBe(
      '2026-11-30T23:15:00.000Z',
    )
    expect(instantInZone('2026-10-13', '23:59', 'Europe/Helsinki')?.toISOString()).toBe(
      '2026-10-13T20:59:00.000Z',
    )
    expect(instantInZone('2026-10-13', '12:00', 'UTC')?.toISOString()).toBe(
      '2026-10-13T12:00:00.000Z',
    )
  })

  it('refuses dates and times that do not exist', () => {
    expect(instantInZone('2026-02-30', '09:30', 'Europe/Brussels')).toBeNull()
    expect(instantInZone('2026-10-13', '24:00', 'Europe/Brussels')).toBeNull()
    expect(instantInZone('2026-10-13', '9:30', 'Europe/Brussels')).toBeNull()
  })

  it('gives back the wall clock it reads', () => {
    const at = new Date('2026-10-13T07:30:00Z')
    expect(wallClockInZone(at, 'Europe/Brussels')).toEqual({ day: '2026-10-13', time: '09:30' })
    const { day, time } = wallClockInZone(at, 'Europe/Lisbon')
    expect(instantInZone(day, time, 'Europe/Lisbon')?.toISOString()).toBe(at.toISOString())
  })
})
