import { useEffect, useLayoutEffect, useSyncExternalStore } from 'react'
import { watchIdle } from '../../../lib/idle-timer'
import {
  applyDisplay,
  displayStore,
  isDefaultDisplay,
  type DisplayOptions,
} from './display-options'

/** The visitor's current display choices; re-renders on every change. */
export function useDisplayOptions(): DisplayOptions {
  return useSyncExternalStore(displayStore.subscribe, displayStore.get)
}

/**
 * Shows the choices on <html> while a visitor screen is up (`active`), and clears them for the
 * staff screens, which keep their own standard size.
 */
export function useVisitorDisplay(active: boolean): void {
  const options = useDisplayOptions()
  useLayoutEffect(() => {
    applyDisplay(document.documentElement, active ? options : null)
  }, [active, options])
  useLayoutEffect(() => () => applyDisplay(document.documentElement, null), [])
}

/**
 * Where no visitor flow runs its idle guard (the attract screen): back to the standard display
 * after `seconds` without a touch, so a walk-away choice does not greet the next visitor.
 */
export function useDisplayIdleReset(seconds: number | undefined): void {
  const options = useDisplayOptions()
  const changed = !isDefaultDisplay(options)
  useEffect(() => {
    if (seconds === undefined || !changed) return
    return watchIdle({ ms: seconds * 1000, onIdle: () => displayStore.reset() })
  }, [seconds, changed])
}
