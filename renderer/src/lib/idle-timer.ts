/** What counts as someone at the screen. */
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const

export interface IdleWatch {
  /** How long without activity before `onIdle`. */
  ms: number
  /** Called once the time is up; `rearm` starts the wait again (to postpone). */
  onIdle: (rearm: () => void) => void
  /** Called on every touch, key or scroll (after the wait restarted). */
  onActivity?: () => void
  /** Where activity is listened for (capture phase); the document by default. */
  target?: EventTarget
}

/**
 * One idle timer for the visitor flow and the staff console: waits `ms`, restarting on every
 * activity. Answers a function that stops watching.
 */
export function watchIdle({ ms, onIdle, onActivity, target = document }: IdleWatch): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => onIdle(arm), ms)
  }
  const activity = () => {
    arm()
    onActivity?.()
  }
  arm()
  for (const type of ACTIVITY)
    target.addEventListener(type, activity, { capture: true, passive: true })
  return () => {
    clearTimeout(timer)
    for (const type of ACTIVITY) target.removeEventListener(type, activity, { capture: true })
  }
}
