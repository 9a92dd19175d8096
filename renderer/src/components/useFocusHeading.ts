import { useEffect, useRef } from 'react'

/** Moves focus to a new screen's heading so screen readers announce where the visitor is. */
export function useFocusHeading<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return ref
}
