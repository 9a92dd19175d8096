import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { db } from '../../../db'
import { failureMessage } from '../../../lib/failure-message'
import {
  latestConsentChange,
  OPTIONAL_CONSENTS,
  recordConsentChange,
  type OptionalConsents,
} from './consent-change'

/**
 * The optional consents of one signature, which staff change on the signatory's request (stop
 * the newsletter, hide the name…); the change reaches the register with the next batch, and its
 * answer is shown here.
 */
export function ConsentEditor({ signatureId }: { signatureId: string }) {
  const { t } = useTranslation()
  const record = useLiveQuery(() => db.signatures.get(signatureId), [signatureId])
  const latest = useLiveQuery(() => latestConsentChange(db, signatureId), [signatureId])
  const [draft, setDraft] = useState<OptionalConsents | null>(null)
  const [message, setMessage] = useState('')
  const [saving, setSaving] = useState(false)
  const current: OptionalConsents | null = record
    ? { ...record.consents, localEvents: !!record.consents.localEvents }
    : null
  if (!current) return null
  const shown = draft ?? current
  const dirty = OPTIONAL_CONSENTS.some((name) => shown[name] !== current[name])

  const save = async () => {
    setSaving(true)
    setMessage('')
    try {
      await recordConsentChange(db, signatureId, shown)
      setDraft(null)
      setMessage(t('staff.consents.recorded'))
    } catch (error) {
      setMessage(failureMessage(error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <fieldset className="consent-editor">
      <legend>{t('staff.consents.title')}</legend>
      {OPTIONAL_CONSENTS.map((name) => (
        <label key={name} className="check">
          <input
            type="checkbox"
            checked={shown[name]}
            disabled={saving}
            onChange={(event) => setDraft({ ...shown, [name]: event.target.checked })}
          />
          <span>{t(`principles.${name}`)}</span>
        </label>
      ))}
      <button
        type="button"
        className="button button--small"
        disabled={!dirty || saving}
        onClick={() => void save()}
      >
        {t('staff.consents.save')}
      </button>
      <p className="muted" role="status" data-testid="consent-change-status">
        {message}{' '}
        {latest &&
          (latest.syncState === 'pending'
            ? t('staff.consents.pending')
            : latest.syncState === 'changed'
              ? t('staff.consents.changed')
              : t('staff.consents.rejected', { reason: latest.syncNote ?? '' }))}
      </p>
    </fieldset>
  )
}
