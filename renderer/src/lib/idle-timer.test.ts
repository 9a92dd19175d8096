import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchIdle } from './idle-timer'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('watchIdle', () => {
  it('calls onIdle once the time passes without activity', () => {
    const onIdle = vi.fn()
    const stop = watchIdle({ ms: 1000, onIdle, target: new EventTarget() })
    vi.advanceTimersByTime(999)
    expect(onIdle).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onIdle).toHaveBeenCalledTimes(1)
    stop()
  })

  it('restarts the wait on every touch or key, and reports the activity', () => {
    const target = new EventTarget()
    const onIdle = vi.fn()
    const onActivity = vi.fn()
    const stop = watchIdle({ ms: 1000, onIdle, onActivity, target })
    vi.advanceTimersByTime(800)
    target.dispatchEvent(new Event('pointerdown'))
    vi.advanceTimersByTime(800)
    target.dispatchEvent(new Event('keydown'))
    vi.advanceTimersByTime(999)
    expect(onIdle).not.toHaveBeenCalled()
    expect(onActivity).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(1)
    expect(onIdle).toHaveBeenCalledTimes(1)
    stop()
  })

  it('waits again when onIdle rearms, and nothing fires once stopped', () => {
    const target = new EventTarget()
    let busy = true
    const idle = vi.fn((rearm: () => void) => (busy ? rearm() : undefined))
    const stop = watchIdle({ ms: 1000, onIdle: idle, target })
    vi.advanceTimersByTime(1000)
    busy = false
    vi.advanceTimersByTime(1000)
    expect(idle).toHaveBeenCalledTimes(2)
    stop()
    target.dispatchEvent(new Event('pointerdown'))
    vi.advanceTimersByTime(5000)
    expect(idle).toHaveBeenCalledTimes(2)
  })
})
