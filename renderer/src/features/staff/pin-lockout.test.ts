import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18next } from '../../i18n'
import { formatRemaining, watchLockout } from './pin-lockout'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-10-13T10:00:00.000Z'))
})
afterEach(() => vi.useRealTimers())

describe('wrong PIN message', () => {
  it('is singular for one attempt and plural for more, in English', () => {
    const t = i18next.getFixedT('en')
    expect(t('staff.pin.wrong', { count: 1 })).toBe(
      'Wrong PIN. 1 attempt left before entry is locked.',
    )
    expect(t('staff.pin.wrong', { count: 4 })).toBe(
      'Wrong PIN. 4 attempts left before entry is locked.',
    )
  })

  it("uses each language's own forms (Polish one, few, many)", () => {
    const t = i18next.getFixedT('pl')
    expect(t('staff.pin.wrong', { count: 1 })).toContain('Pozostała 1 próba')
    expect(t('staff.pin.wrong', { count: 3 })).toContain('Pozostały 3 próby')
    expect(t('staff.pin.wrong', { count: 5 })).toContain('Pozostało 5 prób')
  })
})

describe('lockout countdown', () => {
  it('formats minutes and seconds, rounding up', () => {
    expect(formatRemaining(42_000)).toBe('0:42')
    expect(formatRemaining(41_001)).toBe('0:42')
    expect(formatRemaining(125_000)).toBe('2:05')
  })

  it('counts down every second and ends when the lockout is over', () => {
    const t = i18next.getFixedT('en')
    const shown: string[] = []
    const onEnd = vi.fn()
    const stop = watchLockout(t, '2026-10-13T10:00:42.000Z', (m) => shown.push(m), onEnd)
    expect(shown).toEqual(['Too many wrong PINs. Try again in 0:42.'])
    vi.advanceTimersByTime(1000)
    expect(shown.at(-1)).toBe('Too many wrong PINs. Try again in 0:41.')
    vi.advanceTimersByTime(40_000)
    expect(shown.at(-1)).toBe('Too many wrong PINs. Try again in 0:01.')
    expect(onEnd).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1000)
    expect(onEnd).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(5000)
    expect(shown).toHaveLength(42)
    stop()
  })
})
