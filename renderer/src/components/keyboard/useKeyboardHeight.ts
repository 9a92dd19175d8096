import { useEffect, useLayoutEffect, type RefObject } from 'react'
import { revealAboveKeyboard, type TextField } from './fieldDom'

/**
 * While the keyboard is open, publishes its height as `--osk-height` on the root element (and
 * `data-osk="open"`), so screens can pad their bottom, and keeps the focused field above it.
 */
export function useKeyboardHeight(
  keyboardRef: RefObject<HTMLElement | null>,
  field: TextField | null,
  visible: boolean,
) {
  useLayoutEffect(() => {
    const root = document.documentElement
    const keyboard = keyboardRef.current
    if (!visible || !keyboard || !field) {
      root.style.setProperty('--osk-height', '0px')
      delete root.dataset.osk
      return
    }
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--osk-height', `${keyboard.offsetHeight}px`)
      root.dataset.osk = 'open'
      revealAboveKeyboard(field, keyboard.offsetHeight)
    })
    observer.observe(keyboard)
    return () => observer.disconnect()
  }, [keyboardRef, visible, field])

  useEffect(
    () => () => {
      document.documentElement.style.removeProperty('--osk-height')
      delete document.documentElement.dataset.osk
    },
    [],
  )
}
