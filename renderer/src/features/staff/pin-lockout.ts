import type { TFunction } from 'i18next'

/** Time left in a lockout as minutes and seconds ("0:42"), rounded up so it never shows 0:00 early. */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** The PIN screen's lockout sentence at `now`. */
export function lockoutMessage(t: TFunction, until: string, now = Date.now()): string {
  return t('staff.pin.lockedFor', { remaining: formatRemaining(Date.parse(until) - now) })
}

/**
 * Calls `onTick` at once and then every second with the lockout sentence, until the lockout is
 * over (then `onEnd`). Returns a function that stops it.
 */
export function watchLockout(
  t: TFunction,
  until: string,
  onTick: (message: string) => void,
  onEnd: () => void,
): () => void {
  const end = Date.parse(until)
  const tick = () => {
    if (Date.now() >= end) {
      clearInterval(timer)
      onEnd()
    } else onTick(lockoutMessage(t, until))
  }
  const timer = setInterval(tick, 1000)
  tick()
  return () => clearInterval(timer)
}
