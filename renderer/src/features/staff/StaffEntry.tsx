import './staff-entry.css'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/** How long the discreet corner must be held: long enough that a visitor's tap never opens it. */
export const STAFF_HOLD_MS = 2_000

/** Ctrl+Shift+S, from any screen, leads to the PIN screen (never further without the PIN). */
export function useStaffShortcut(onOpen: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault()
        onOpen()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onOpen])
}

/**
 * The discreet way into the staff console on a touch screen: holding the top-right corner of
 * the attract screen. It leads to the PIN screen, never further.
 */
export function StaffEntry({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation()
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  const release = () => window.clearTimeout(timer.current)
  return (
    <button
      type="button"
      className="staff-entry"
      aria-label={t('staff.entry')}
      tabIndex={-1}
      onPointerDown={() => {
        release()
        timer.current = window.setTimeout(onOpen, STAFF_HOLD_MS)
      }}
      onPointerUp={release}
      onPointerLeave={release}
      onPointerCancel={release}
      onContextMenu={(event) => event.preventDefault()}
    />
  )
}
