import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react'
import { variantsOf } from './diacritics'
import type { KeySpec } from './layouts'

const LONG_PRESS_MS = 450
const REPEAT_DELAY_MS = 500
const REPEAT_EVERY_MS = 70

interface PressSession {
  timer: number
  repeat: number
  cleanup: () => void
}

/** What a press does besides the tap itself (the keyboard's own state). */
export interface PressHandlers {
  /** A long press on a letter with variants: show them above `button`. */
  openVariants: (button: HTMLElement, text: string) => void
  /** The finger moves while the variants are open: the variant under it, or null. */
  highlight: (variant: string | null) => void
  /** The finger lifts on a variant after sliding there. */
  pickVariant: (variant: string) => void
  /** Backspace held down: erase once more. */
  erase: () => void
}

/** The variant under a pointer, when it is over the long-press popup. */
function variantAt(event: PointerEvent): string | null {
  const element = document.elementFromPoint(event.clientX, event.clientY)
  return element?.closest<HTMLElement>('[data-variant]')?.dataset.variant ?? null
}

/**
 * The kiosk's own touch gestures on a key: long-press a letter for its accented variants (and
 * slide onto one to type it), hold backspace to repeat it. A press that became a gesture
 * swallows the click that follows it.
 */
export function usePressGestures() {
  const sessionRef = useRef<PressSession | null>(null)
  const swallowClickRef = useRef(false)

  const endSession = () => {
    const session = sessionRef.current
    if (!session) return
    window.clearTimeout(session.timer)
    window.clearInterval(session.repeat)
    session.cleanup()
    sessionRef.current = null
  }

  useEffect(
    () => () => {
      const session = sessionRef.current
      if (!session) return
      window.clearTimeout(session.timer)
      window.clearInterval(session.repeat)
      session.cleanup()
    },
    [],
  )

  /** Starts tracking one press on `key`. */
  const startPress = (
    event: ReactPointerEvent<HTMLButtonElement>,
    key: KeySpec,
    handlers: PressHandlers,
  ) => {
    event.preventDefault()
    endSession()
    swallowClickRef.current = false
    const button = event.currentTarget
    let popupOpen = false
    const onMove = (move: PointerEvent) => {
      if (popupOpen) handlers.highlight(variantAt(move))
    }
    const onUp = (up: PointerEvent) => {
      if (popupOpen) {
        // Sliding from the key onto a variant and lifting the finger picks it; lifting on the
        // key itself leaves the popup open for a tap.
        const variant = variantAt(up)
        handlers.highlight(null)
        if (variant) handlers.pickVariant(variant)
      }
      endSession()
    }
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
    window.addEventListener('pointercancel', endSession)
    const session: PressSession = {
      timer: 0,
      repeat: 0,
      cleanup: () => {
        window.removeEventListener('pointermove', onMove)
        window.removeEventListener('pointerup', onUp)
        window.removeEventListener('pointercancel', endSession)
      },
    }
    if (key.type === 'char' && variantsOf(key.text).length > 0) {
      session.timer = window.setTimeout(() => {
        popupOpen = true
        swallowClickRef.current = true
        handlers.openVariants(button, key.text)
      }, LONG_PRESS_MS)
    } else if (key.type === 'action' && key.action === 'backspace') {
      session.timer = window.setTimeout(() => {
        swallowClickRef.current = true
        handlers.erase()
        session.repeat = window.setInterval(handlers.erase, REPEAT_EVERY_MS)
      }, REPEAT_DELAY_MS)
    }
    sessionRef.current = session
  }

  /** A tap on a variant in the popup: no gesture, and its click counts. */
  const cancelPress = () => {
    endSession()
    swallowClickRef.current = false
  }

  /** Ends the press; true when it was a gesture, so its click must be ignored. */
  const endPressForClick = (): boolean => {
    endSession()
    if (!swallowClickRef.current) return false
    swallowClickRef.current = false
    return true
  }

  return { startPress, cancelPress, endPressForClick }
}
