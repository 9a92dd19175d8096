import { useEffect, useSyncExternalStore } from 'react'

/**
 * Work the visitor is waiting for (a certificate printing) holds the idle wipe: the visitor is
 * standing at the printer, not gone, and must still see whether it printed. The idle time starts
 * again once nothing holds it.
 */
let holds = 0
const listeners = new Set<() => void>()

function notify() {
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Holds the idle wipe while `active` is true. */
export function useHoldIdle(active: boolean): void {
  useEffect(() => {
    if (!active) return
    holds += 1
    notify()
    return () => {
      holds -= 1
      notify()
    }
  }, [active])
}

/** Whether something holds the idle wipe right now. */
export function useIdleHeld(): boolean {
  return useSyncExternalStore(subscribe, () => holds > 0)
}
