import { useEffect, useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/Dialog'
import { watchIdle } from '../../lib/idle-timer'
import { useIdleHeld } from './idle-hold'

/** How long the "Still there?" warning counts down before everything is wiped. */
export const IDLE_WARNING_SECONDS = 15

interface Props {
  idleSeconds: number
  onTimeout: () => void
  /** On the thank-you screen the visitor has finished: the warning says goodbye. */
  farewell?: boolean
}

/** The warning's sentence: goodbye after a signature, otherwise that the form will be cleared. */
export function idleWarningText(t: TFunction, farewell: boolean, secondsLeft: number): string {
  return t(farewell ? 'idle.goodbye' : 'idle.body', { count: secondsLeft })
}

/**
 * After `idleSeconds` without a touch or key: a short countdown warning, then `onTimeout`.
 * Nothing counts while work the visitor waits for holds it (see idle-hold.ts).
 * The wipe hangs on one timer set when the warning opens, so it happens on time even when
 * the page is busy; the visible countdown is only derived from that deadline.
 */
export function IdleGuard({ idleSeconds, onTimeout, farewell = false }: Props) {
  const { t } = useTranslation()
  const [deadline, setDeadline] = useState<number | null>(null)
  const [secondsLeft, setSecondsLeft] = useState(IDLE_WARNING_SECONDS)
  const warning = deadline !== null
  const held = useIdleHeld()

  useEffect(() => {
    if (warning || held) return
    return watchIdle({
      ms: idleSeconds * 1000,
      onIdle: () => {
        setSecondsLeft(IDLE_WARNING_SECONDS)
        setDeadline(Date.now() + IDLE_WARNING_SECONDS * 1000)
      },
    })
  }, [idleSeconds, warning, held])

  useEffect(() => {
    if (deadline === null) return
    const wipe = window.setTimeout(onTimeout, Math.max(0, deadline - Date.now()))
    const tick = window.setInterval(
      () => setSecondsLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000))),
      500,
    )
    return () => {
      window.clearTimeout(wipe)
      window.clearInterval(tick)
    }
  }, [deadline, onTimeout])

  return (
    <Dialog
      open={warning}
      role="alertdialog"
      title={t('idle.title')}
      onClose={() => setDeadline(null)}
    >
      <p className="lead" aria-live="polite">
        {idleWarningText(t, farewell, secondsLeft)}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onTimeout}>
          {t('idle.restart')}
        </button>
        <button
          type="button"
          className="button button--primary button--large"
          onClick={() => setDeadline(null)}
        >
          {t('idle.continue')}
        </button>
      </div>
    </Dialog>
  )
}
