import './settings.css'
import {
  useEffect,
  useId,
  useMemo,
  useState,
  type ComponentPropsWithoutRef,
  type FormEvent,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { PrinterList } from '@shared/printing'
import { LANGUAGES, type Language, type PublicSettings } from '@shared/settings'
import { staffPinSchema } from '@shared/staff'
import { registerTokenUpdateSchema } from '@shared/sync'
import { Field } from '../../../components/Field'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import { recordAudit } from '../audit/record-audit'
import { failureMessage } from '../../../lib/failure-message'
import {
  checkDraft,
  describeChanges,
  errorsFromHost,
  toDraft,
  type FieldErrors,
  type SettingsDraft,
} from './settings-form'
import { SettingsCard, StatusLine, type Status } from './settings-parts'

interface Props {
  settings: PublicSettings
  /** Reloads the app's settings after a save, so every screen uses the new values at once. */
  onSaved: () => Promise<void>
}

/** Every editable setting, checked with the shared schema, saved in one atomic update. */
export function SettingsTab({ settings, onSaved }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(settings))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [status, setStatus] = useState<Status>(null)
  const [saving, setSaving] = useState(false)
  const dirty = useMemo(() => {
    const check = checkDraft(draft, settings)
    return !check.ok || Object.keys(check.update).length > 0
  }, [draft, settings])

  const edit =
    <K extends keyof SettingsDraft>(key: K) =>
    (value: SettingsDraft[K]) => {
      setDraft((current) => ({ ...current, [key]: value }))
      setErrors((current) => ({ ...current, [key]: undefined }))
    }
  /** A text setting's field: its label is `staff.settings.<key>`, its hint `<key>Hint` if any. */
  const field = (key: Exclude<keyof SettingsDraft, 'languages'>, withHint = false) => ({
    label: t(`staff.settings.${key}`),
    hint: withHint ? t(`staff.settings.${key}Hint`) : undefined,
    value: draft[key],
    error: errors[key],
    onChange: (event: { target: { value: string } }) => edit(key)(event.target.value),
  })

  const save = async (event?: FormEvent) => {
    event?.preventDefault()
    const check = checkDraft(draft, settings)
    if (!check.ok) {
      setErrors(check.errors)
      setStatus({ kind: 'error', text: t('staff.settings.fixFields') })
      return
    }
    if (Object.keys(check.update).length === 0) {
      setStatus({ kind: 'ok', text: t('staff.settings.noChanges') })
      return
    }
    setSaving(true)
    try {
      const saved = await api.updateSettings(check.update)
      await recordAudit(db, 'settings-change', describeChanges(settings, check.update))
      setDraft(toDraft(saved))
      setErrors({})
      await onSaved()
      setStatus({ kind: 'ok', text: t('staff.settings.saved') })
    } catch (failure) {
      const message = failureMessage(failure)
      setErrors(errorsFromHost(message))
      setStatus({ kind: 'error', text: t('staff.settings.notSaved', { message }) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="settings">
      {/* The form's cards sit in the page grid beside the token and PIN cards (display: contents). */}
      <form className="settings__form" onSubmit={(event) => void save(event)} noValidate>
        <SettingsCard name="event" title={t('staff.settings.eventTitle')}>
          <div className="settings__fields settings__fields--two">
            <Field {...field('kioskId', true)} />
            <Field {...field('eventCode', true)} />
            <Field className="field--wide" {...field('eventName')} />
            <Field {...field('eventCity')} />
            <TimeZoneField {...field('timeZone')} />
          </div>
        </SettingsCard>
        <SettingsCard name="visitor" title={t('staff.settings.visitorTitle')}>
          <div className="settings__fields settings__fields--two">
            <Field inputMode="numeric" {...field('idleSeconds', true)} />
            <Field inputMode="numeric" {...field('thankYouIdleSeconds', true)} />
            <LanguagesField
              value={draft.languages}
              error={errors.languages}
              onChange={edit('languages')}
            />
          </div>
        </SettingsCard>
        <SettingsCard name="register" title={t('staff.settings.registerTitle')}>
          <div className="settings__fields">
            <Field inputMode="url" {...field('registerUrl', true)} />
            <Field inputMode="url" {...field('verificationBaseUrl', true)} />
          </div>
        </SettingsCard>
        <PrinterCard
          value={draft.printerName}
          error={errors.printerName}
          onChange={edit('printerName')}
        />
        <div className="settings__bar">
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('staff.settings.save')}
          </button>
          <button
            type="button"
            className="button"
            disabled={saving || !dirty}
            onClick={() => {
              setDraft(toDraft(settings))
              setErrors({})
              setStatus(null)
            }}
          >
            {t('staff.settings.undo')}
          </button>
          <StatusLine
            status={status}
            idleText={dirty ? t('staff.settings.unsaved') : ''}
            testId="settings-status"
          />
        </div>
      </form>
      <TokenCard tokenSet={settings.registerTokenSet} onSaved={onSaved} />
      <PinCard />
    </div>
  )
}

function TimeZoneField(props: ComponentPropsWithoutRef<typeof Field>) {
  const listId = useId()
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), [])
  return (
    <>
      <Field {...props} list={listId} />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  )
}

function LanguagesField(props: {
  value: Language[]
  error: string | undefined
  onChange: (value: Language[]) => void
}) {
  const { t } = useTranslation()
  const errorId = useId()
  const toggle = (language: Language, on: boolean) =>
    props.onChange(LANGUAGES.filter((l) => (l === language ? on : props.value.includes(l))))
  return (
    <fieldset
      className={`field field--wide ${props.error ? 'field--invalid' : ''}`}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend className="field__label">{t('staff.settings.languages')}</legend>
      <div className="settings__checks">
        {LANGUAGES.map((language) => (
          <label key={language} className="check settings__check">
            <input
              type="checkbox"
              checked={props.value.includes(language)}
              onChange={(event) => toggle(language, event.target.checked)}
            />
            <span>{t('languageName', { lng: language })}</span>
          </label>
        ))}
      </div>
      {props.error && (
        <p className="field__error" id={errorId} role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  )
}

function PrinterCard(props: {
  value: string
  error: string | undefined
  onChange: (value: string) => void
}) {
  const { t } = useTranslation()
  const selectId = useId()
  const [printers, setPrinters] = useState<PrinterList | null>(null)
  const [testing, setTesting] = useState(false)
  const [result, setResult] = useState<Status>(null)
  useEffect(() => {
    let cancelled = false
    api.listPrinters().then(
      (list) => !cancelled && setPrinters(list),
      (failure: unknown) =>
        !cancelled &&
        setPrinters({ ok: false, reason: 'spooler-unavailable', message: failureMessage(failure) }),
    )
    return () => {
      cancelled = true
    }
  }, [])
  const known = printers?.ok ? printers.printers : []
  // A printer saved earlier stays choosable even when the system does not list it right now.
  const missing = props.value !== '' && !known.some((p) => p.name === props.value)

  const testPage = async () => {
    setTesting(true)
    setResult(null)
    try {
      const answer = await api.printTestPage({ printerName: props.value })
      setResult(
        answer.ok
          ? { kind: 'ok', text: t('staff.settings.testPageSent', { printer: answer.printer }) }
          : { kind: 'error', text: answer.message },
      )
    } catch (failure) {
      setResult({ kind: 'error', text: failureMessage(failure) })
    } finally {
      setTesting(false)
    }
  }

  return (
    <SettingsCard name="printer" title={t('staff.settings.printerTitle')}>
      <div className={`field ${props.error ? 'field--invalid' : ''}`}>
        <label className="field__label" htmlFor={selectId}>
          {t('staff.settings.printer')}
        </label>
        <p className="field__hint">{t('staff.settings.printerHint')}</p>
        <select
          id={selectId}
          className="field__input settings__select"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        >
          <option value="">{t('staff.settings.noPrinter')}</option>
          {missing && (
            <option value={props.value}>
              {t('staff.settings.printerMissing', { printer: props.value })}
            </option>
          )}
          {known.map((printer) => (
            <option key={printer.name} value={printer.name}>
              {printer.name}
              {printer.isDefault ? ` · ${t('staff.settings.printerDefault')}` : ''}
              {printer.accepting ? '' : ` · ${t('staff.settings.printerPaused')}`}
            </option>
          ))}
        </select>
        {props.error && (
          <p className="field__error" role="alert">
            {props.error}
          </p>
        )}
      </div>
      {printers && !printers.ok && (
        <p className="muted settings__note">
          {t('staff.settings.printersUnavailable', { message: printers.message })}
        </p>
      )}
      <div className="settings__inline">
        <button
          type="button"
          className="button button--small"
          disabled={props.value === '' || testing}
          onClick={() => void testPage()}
        >
          {testing ? t('staff.settings.testPagePrinting') : t('staff.settings.testPage')}
        </button>
        <StatusLine status={result} />
      </div>
    </SettingsCard>
  )
}

function TokenCard({ tokenSet, onSaved }: { tokenSet: boolean; onSaved: () => Promise<void> }) {
  const { t } = useTranslation()
  const [token, setToken] = useState('')
  const [error, setError] = useState('')
  const [status, setStatus] = useState<Status>(null)

  const store = async (value: string | null) => {
    const checked = registerTokenUpdateSchema.safeParse({ token: value })
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? t('staff.settings.fixFields'))
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

function PinCard() {
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
