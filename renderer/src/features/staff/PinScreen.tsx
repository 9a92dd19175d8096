import './pin.css'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { staffPinSchema } from '@shared/staff'
import { useFocusHeading } from '../../components/useFocusHeading'
import type { AuditAction } from '@shared/audit'
import { db } from '../../db'
import { api } from '../../lib/api'
import { recordAudit } from './audit/record-audit'
import { PinPad } from './PinPad'
import type { Language } from '@shared/settings'
import { useStaffLanguage } from './StaffLanguage'
import { watchLockout } from './pin-lockout'

interface Props {
  onUnlocked: () => void
  onCancel: () => void
  /** The staff's language (settings), in which the PIN screen speaks. */
  language: Language
}

type Mode =
  { kind: 'loading' } | { kind: 'unlock' } | { kind: 'set' } | { kind: 'confirm'; first: string }

/** Unlocks the staff console, or sets the PIN on first start (entered twice). */
export function PinScreen({ onUnlocked, onCancel, language }: Props) {
  useStaffLanguage(language)
  const { t } = useTranslation()
  const headingRef = useFocusHeading<HTMLHeadingElement>()
  const [mode, setMode] = useState<Mode>({ kind: 'loading' })
  const [pin, setPin] = useState('')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const [lockedUntil, setLockedUntil] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    void api.getStaffStatus().then((status) => {
      if (cancelled) return
      setMode({ kind: status.pinSet ? 'unlock' : 'set' })
      if (status.lockedUntil) setLockedUntil(status.lockedUntil)
    })
    return () => {
      cancelled = true
    }
  }, [])

  useEffect(() => {
    if (!lockedUntil) return
    return watchLockout(t, lockedUntil, setMessage, () => {
      setLockedUntil(null)
      setMessage('')
    })
  }, [t, lockedUntil])

  const submit = async () => {
    if (busy || mode.kind === 'loading') return
    const entered = pin
    setPin('')
    if (mode.kind === 'set') {
      if (!staffPinSchema.safeParse(entered).success) return setMessage(t('staff.pin.tooShort'))
      setMessage('')
      return setMode({ kind: 'confirm', first: entered })
    }
    setBusy(true)
    try {
      if (mode.kind === 'confirm') {
        if (entered !== mode.first) {
          setMessage(t('staff.pin.mismatch'))
          return setMode({ kind: 'set' })
        }
        await api.setStaffPin({ pin: entered })
        noteAudit('pin-change', 'Staff PIN set on first start')
        return onUnlocked()
      }
      const result = await api.unlockStaff({ pin: entered })
      noteAudit(
        result.ok ? 'staff-unlock' : 'staff-unlock-failed',
        result.ok
          ? 'Console unlocked'
          : result.lockedUntil
            ? `Wrong PIN or entry locked; entry locked until ${result.lockedUntil}`
            : `Wrong PIN; ${result.attemptsLeft} attempt(s) left`,
      )
      if (result.ok) return onUnlocked()
      if (result.lockedUntil) setLockedUntil(result.lockedUntil)
      else setMessage(t('staff.pin.wrong', { count: result.attemptsLeft }))
    } finally {
      setBusy(false)
    }
  }

  const setting = mode.kind === 'set' || mode.kind === 'confirm'
  return (
    <main className="screen screen--center staff-pin">
      <h1 className="title" ref={headingRef} tabIndex={-1}>
        {setting ? t('staff.pin.setTitle') : t('staff.pin.unlockTitle')}
      </h1>
      <p className="lead">
        {mode.kind === 'set'
          ? t('staff.pin.setLead')
          : mode.kind === 'confirm'
            ? t('staff.pin.confirmLead')
            : t('staff.pin.unlockLead')}
      </p>
      <PinPad
        value={pin}
        onChange={setPin}
        onSubmit={() => void submit()}
        disabled={busy || mode.kind === 'loading'}
      />
      <p className="field__error staff-pin__message" role="alert">
        {message}
      </p>
      <button type="button" className="button" onClick={onCancel}>
        {t('staff.pin.cancel')}
      </button>
    </main>
  )
}

/**
 * Unlock outcomes go to the audit log in IndexedDB, the log's one place of truth; only this
 * screen calls unlockStaff. Never blocks the PIN screen on the log.
 */
function noteAudit(action: AuditAction, detail: string) {
  recordAudit(db, action, detail).catch(() => undefined)
}
