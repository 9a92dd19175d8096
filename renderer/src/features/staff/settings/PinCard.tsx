import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { staffPinSchema } from '@shared/staff'
import { Field } from '../../../components/Field'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import { failureMessage } from '../../../lib/failure-message'
import { recordAudit } from '../audit/record-audit'
import { SettingsCard, StatusLine, type Status } from './settings-parts'

/** Changing the staff PIN (typed twice). */
export function PinCard() {
  const { t } = useTranslation()
  const [pin, setPin] = useState('')
  const [repeat, setRepeat] = useState('')
  const [errors, setErrors] = useState<{ pin?: string; repeat?: string }>({})
  const [status, setStatus] = useState<Status>(null)

  const change = async (event: FormEvent) => {
    event.preventDefault()
    if (!staffPinSchema.safeParse(pin).success) {
      setErrors({ pin: t('staff.pin.tooShort') })
      return
    }
    if (pin !== repeat) {
      setErrors({ repeat: t('staff.settings.pinMismatch') })
      return
    }
    try {
      await api.setStaffPin({ pin })
      await recordAudit(db, 'pin-change', 'Staff PIN changed')
      setPin('')
      setRepeat('')
      setErrors({})
      setStatus({ kind: 'ok', text: t('staff.settings.pinChanged') })
    } catch (failure) {
      setStatus({ kind: 'error', text: failureMessage(failure) })
    }
  }

  return (
    <SettingsCard name="pin" title={t('staff.settings.pinTitle')}>
      <form
        className="settings__fields settings__fields--two"
        noValidate
        onSubmit={(e) => void change(e)}
      >
        <Field
          type="password"
          inputMode="numeric"
          label={t('staff.settings.newPin')}
          value={pin}
          error={errors.pin}
          onChange={(event) => setPin(event.target.value)}
        />
        <Field
          type="password"
          inputMode="numeric"
          label={t('staff.settings.repeatPin')}
          value={repeat}
          error={errors.repeat}
          onChange={(event) => setRepeat(event.target.value)}
        />
        <div className="settings__inline field--wide">
          <button type="submit" className="button button--small button--primary">
            {t('staff.settings.changePin')}
          </button>
          <StatusLine status={status} />
        </div>
      </form>
    </SettingsCard>
  )
}
