import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/** How long the discreet corner must be held: long enough that a visitor's tap never opens it. */
export const STAFF_HOLD_MS = 2_000

/**
 * The discreet way into the staff console: holding the top-right corner of the attract screen,
 * or Ctrl+Shift+S on a keyboard. Both lead to the PIN screen, never further.
 */
export function StaffEntry({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation()
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault()
        onOpen()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.clearTimeout(timer.current)
    }
  }, [onOpen])
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
