import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { Controller, useForm, type Resolver } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ApiError } from '@shared/api-error'
import type { EditableSettings, PublicSettings } from '@shared/settings'
import { Field } from '../../../components/Field'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import { failureMessage } from '../../../lib/failure-message'
import { recordAudit } from '../audit/record-audit'
import { LanguagesField } from './LanguagesField'
import { PurgeNow } from './PurgeNow'
import { PrinterCard } from './PrinterCard'
import {
  changedFields,
  describeChanges,
  fieldErrorText,
  fieldsOfIssues,
  settingsFormSchema,
  toDraft,
  type SettingsDraft,
  type SettingsField,
} from './settings-form'
import { SettingsCard, StatusLine, type Status } from './settings-parts'
import { TimeZoneField } from './TimeZoneField'

interface Props {
  settings: PublicSettings
  /** Reloads the app's settings after a save, so every screen uses the new values at once. */
  onSaved: () => Promise<void>
}

type TextField = Exclude<SettingsField, 'languages'>

/**
 * Every editable setting, checked with the shared schema (react-hook-form and its zod resolver),
 * saved in one atomic update. A field the host refuses is marked from the error's field path.
 */
export function SettingsForm({ settings, onSaved }: Props) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<Status>(null)
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<SettingsDraft, unknown, EditableSettings>({
    defaultValues: toDraft(settings),
    resolver: zodResolver(settingsFormSchema) as Resolver<SettingsDraft, unknown, EditableSettings>,
  })
  const errorOf = (key: SettingsField) => (errors[key] ? fieldErrorText(t, key) : undefined)
  /** A text setting's field: its label is `staff.settings.<key>`, its hint `<key>Hint` if any. */
  const field = (key: TextField, withHint = false) => ({
    label: t(`staff.settings.${key}`),
    hint: withHint ? t(`staff.settings.${key}Hint`) : undefined,
    error: errorOf(key),
    ...register(key),
  })

  const save = async (next: EditableSettings) => {
    const update = changedFields(next, settings)
    if (Object.keys(update).length === 0) {
      setStatus({ kind: 'ok', text: t('staff.settings.noChanges') })
      return
    }
    try {
      const saved = await api.updateSettings(update)
      await recordAudit(db, 'settings-change', describeChanges(settings, update))
      reset(toDraft(saved))
      await onSaved()
      setStatus({ kind: 'ok', text: t('staff.settings.saved') })
    } catch (failure) {
      const refused = failure instanceof ApiError ? fieldsOfIssues(failure.issues) : []
      for (const key of refused) setError(key, { type: 'host' })
      setStatus({
        kind: 'error',
        text: refused.length
          ? t('staff.settings.fixFields')
          : t('staff.settings.notSaved', { message: failureMessage(failure) }),
      })
    }
  }

  return (
    <form
      className="settings__form"
      noValidate
      onSubmit={(event) =>
        void handleSubmit(save, () =>
          setStatus({ kind: 'error', text: t('staff.settings.fixFields') }),
        )(event)
      }
    >
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
          <Controller
            control={control}
            name="languages"
            render={({ field: { value, onChange } }) => (
              <LanguagesField value={value} error={errorOf('languages')} onChange={onChange} />
            )}
          />
        </div>
      </SettingsCard>
      <SettingsCard name="register" title={t('staff.settings.registerTitle')}>
        <div className="settings__fields">
          <Field inputMode="url" {...field('registerUrl', true)} />
          <Field inputMode="url" {...field('verificationBaseUrl', true)} />
        </div>
      </SettingsCard>
      <SettingsCard name="export" title={t('staff.settings.exportTitle')}>
        <div className="settings__fields">
          <Field spellCheck={false} {...field('exportPublicKey', true)} />
        </div>
      </SettingsCard>
      <SettingsCard name="privacy" title={t('staff.settings.privacyTitle')}>
        <p className="field__hint">{t('staff.settings.controllerIntro')}</p>
        <div className="settings__fields settings__fields--two">
          <Field {...field('controllerName')} />
          <Field type="email" inputMode="email" {...field('controllerEmail')} />
          <Field className="field--wide" {...field('controllerAddress')} />
          <Field className="field--wide" {...field('dpoContact', true)} />
        </div>
        <div className="settings__fields">
          <Field inputMode="numeric" {...field('retentionDays', true)} />
          <PurgeNow retentionDays={settings.retentionDays} />
        </div>
      </SettingsCard>
      <Controller
        control={control}
        name="printerName"
        render={({ field: { value, onChange } }) => (
          <PrinterCard value={value} error={errorOf('printerName')} onChange={onChange} />
        )}
      />
      <div className="settings__bar">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('staff.settings.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={isSubmitting || !isDirty}
          onClick={() => {
            reset(toDraft(settings))
            setStatus(null)
          }}
        >
          {t('staff.settings.undo')}
        </button>
        <StatusLine
          status={status}
          idleText={isDirty ? t('staff.settings.unsaved') : ''}
          testId="settings-status"
        />
      </div>
    </form>
  )
}
