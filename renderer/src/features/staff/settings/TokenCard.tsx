import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { registerTokenUpdateSchema } from '@shared/sync'
import { Field } from '../../../components/Field'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import { failureMessage } from '../../../lib/failure-message'
import { recordAudit } from '../audit/record-audit'
import { SettingsCard, StatusLine, type Status } from './settings-parts'

/** The register token: stored as a secret in the main process, never shown again. */
export function TokenCard({
  tokenSet,
  onSaved,
}: {
  tokenSet: boolean
  onSaved: () => Promise<void>
}) {
  const { t } = useTranslation()
  const [token, setToken] = useState('')
  const [error, setError] = useState('')
  const [status, setStatus] = useState<Status>(null)

  const store = async (value: string | null) => {
    const checked = registerTokenUpdateSchema.safeParse({ token: value })
    if (!checked.success) {
      setError(t('errors.settings.registerToken'))
      return
    }
    try {
      await api.setRegisterToken(checked.data)
      await recordAudit(
        db,
        'settings-change',
        value === null
          ? 'Register token removed'
          : tokenSet
            ? 'Register token replaced'
            : 'Register token set',
      )
      setToken('')
      setError('')
      await onSaved()
      setStatus({
        kind: 'ok',
        text: value === null ? t('staff.settings.tokenRemoved') : t('staff.settings.tokenSaved'),
      })
    } catch (failure) {
      setStatus({ kind: 'error', text: failureMessage(failure) })
    }
  }

  return (
    <SettingsCard
      name="token"
      title={
        <>
          {t('staff.settings.tokenTitle')}
          <span
            className={`pill ${tokenSet ? 'pill--ok' : 'pill--warn'}`}
            data-testid="token-state"
          >
            {tokenSet ? t('staff.settings.tokenSet') : t('staff.settings.tokenNotSet')}
          </span>
        </>
      }
    >
      <form
        className="settings__fields"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void store(token)
        }}
      >
        <Field
          type="password"
          label={tokenSet ? t('staff.settings.tokenReplace') : t('staff.settings.token')}
          hint={t('staff.settings.tokenHint')}
          value={token}
          error={error || undefined}
          onChange={(event) => {
            setToken(event.target.value)
            setError('')
          }}
        />
        <div className="settings__inline">
          <button type="submit" className="button button--small button--primary">
            {t('staff.settings.tokenSave')}
          </button>
          {tokenSet && (
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => void store(null)}
            >
              {t('staff.settings.tokenRemove')}
            </button>
          )}
          <StatusLine status={status} />
        </div>
      </form>
    </SettingsCard>
  )
}
