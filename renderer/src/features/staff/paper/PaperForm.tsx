import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { newId } from '@shared/ids'
import type { PublicSettings } from '@shared/settings'
import { CAPACITIES, type SignatureRecord } from '@shared/signature'
import { wallClockInZone } from '@shared/time'
import { Field } from '../../../components/Field'
import { db } from '../../../db'
import { flushJournalQueue } from '../../../db/journal-sync'
import { savePaperForm } from '../../../db/save-signature'
import { api } from '../../../lib/api'
import { failureMessage } from '../../../lib/failure-message'
import { recordAudit } from '../audit/record-audit'
import { CountryPicker } from '../../visitor/CountryPicker'
import { DetailsFields } from '../../visitor/DetailsFields'
import {
  paperFormSchema,
  toPaperDraft,
  type PaperForm as CheckedForm,
  type PaperFormInput,
} from './paper-form-schema'

const CONSENTS = ['newsletter', 'publishName', 'localStory', 'localEvents'] as const

interface Props {
  settings: PublicSettings
  onSaved: (record: SignatureRecord) => void
}

type Notice = { kind: 'duplicate' } | { kind: 'failed'; message: string } | null

/** The paper form's fields, checked as the visitor's are, saved through the kiosk's save path. */
export function PaperForm({ settings, onSaved }: Props) {
  const { t, i18n } = useTranslation()
  const [notice, setNotice] = useState<Notice>(null)
  const [saving, setSaving] = useState(false)
  // One id per form: a double tap on Save saves it once.
  const [id] = useState(newId)
  // The capacity chosen on the form decides which details count, as in the visitor flow.
  const resolver: Resolver<PaperFormInput, unknown, CheckedForm> = (values, context, options) => {
    const schema = paperFormSchema(values.capacity, settings.timeZone, () => new Date())
    const check = zodResolver(schema) as unknown as Resolver<PaperFormInput, unknown, CheckedForm>
    return check(values, context, options)
  }
  const now = wallClockInZone(new Date(), settings.timeZone)
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors },
  } = useForm<PaperFormInput, unknown, CheckedForm>({
    resolver,
    defaultValues: {
      capacity: 'individual',
      paperRef: '',
      language: settings.languages.includes(i18n.language as never)
        ? i18n.language
        : (settings.languages[0] ?? 'en'),
      signedDay: now.day,
      signedTime: now.time,
      firstName: '',
      lastName: '',
      email: '',
      country: '',
      city: '',
      organisationType: '',
      organisationName: '',
      role: '',
      endorse: false,
      newsletter: false,
      publishName: false,
      localStory: false,
      localEvents: false,
    },
    shouldFocusError: true,
  })
  const capacity = useWatch({ control, name: 'capacity' })
  const message = (key?: string) => (key ? t(key) : undefined)
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language' })

  const save = async (form: CheckedForm) => {
    setSaving(true)
    setNotice(null)
    try {
      const outcome = await savePaperForm(
        db,
        toPaperDraft(id, form),
        { eventCode: settings.eventCode, kioskId: settings.kioskId, timeZone: settings.timeZone },
        form.signedAt,
      )
      if (outcome.status === 'duplicate') setNotice({ kind: 'duplicate' })
      else if (outcome.status === 'paper-ref-taken') {
        setError('paperRef', { message: 'errors.paperRefTaken' }, { shouldFocus: true })
      } else {
        flushJournalQueue(db, api).catch((error: unknown) =>
          recordAudit(db, 'journal-failed', failureMessage(error)).catch(() => undefined),
        )
        onSaved(outcome.full)
      }
    } catch (error) {
      setNotice({ kind: 'failed', message: failureMessage(error) })
      recordAudit(db, 'save-failed', failureMessage(error)).catch(() => undefined)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="paper card"
      aria-labelledby="paper-title"
      noValidate
      autoComplete="off"
      onSubmit={handleSubmit(save)}
    >
      <h2 id="paper-title" className="card__title">
        {t('staff.paper.title')}
      </h2>
      <p className="muted">{t('staff.paper.lead')}</p>
      <div className="form-grid">
        <Field
          label={t('staff.paper.paperRef')}
          hint={t('staff.paper.paperRefHint')}
          maxLength={32}
          autoCapitalize="characters"
          error={message(errors.paperRef?.message)}
          {...register('paperRef')}
        />
        <div className="field">
          <label className="field__label" htmlFor="paper-language">
            {t('staff.paper.language')}
          </label>
          <select id="paper-language" className="field__input" {...register('language')}>
            {settings.languages.map((language) => (
              <option key={language} value={language}>
                {languageNames.of(language) ?? language}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('staff.paper.signedDay')}
          hint={t('staff.paper.signedHint', { zone: settings.timeZone })}
          inputMode="numeric"
          maxLength={10}
          error={message(errors.signedDay?.message)}
          {...register('signedDay')}
        />
        <Field
          label={t('staff.paper.signedTime')}
          inputMode="numeric"
          maxLength={5}
          error={message(errors.signedTime?.message)}
          {...register('signedTime')}
        />
        <fieldset className="field field--wide">
          <legend className="field__label">{t('review.capacity')}</legend>
          <div className="radio-cards">
            {CAPACITIES.map((value) => (
              <label key={value} className="radio-card">
                <input type="radio" value={value} {...register('capacity')} />
                <span>{t(`capacity.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <DetailsFields
          organisation={capacity === 'organisation'}
          field={(name) => register(name)}
          errors={errors}
          country={
            <Controller
              control={control}
              name="country"
              render={({ field }) => (
                <CountryPicker
                  value={field.value}
                  onChange={field.onChange}
                  buttonRef={field.ref}
                  error={message(errors.country?.message)}
                />
              )}
            />
          }
        />
        <fieldset className="field field--wide paper__consents">
          <legend className="field__label">{t('staff.paper.consents')}</legend>
          <label className={`check check--required ${errors.endorse ? 'check--invalid' : ''}`}>
            <input
              type="checkbox"
              aria-invalid={errors.endorse ? true : undefined}
              aria-describedby={errors.endorse ? 'paper-endorse-error' : undefined}
              {...register('endorse')}
            />
            <span>{t('principles.endorse')}</span>
          </label>
          {errors.endorse?.message && (
            <p className="field__error" id="paper-endorse-error" role="alert">
              {t(errors.endorse.message)}
            </p>
          )}
          {CONSENTS.map((name) => (
            <label key={name} className="check">
              <input type="checkbox" {...register(name)} />
              <span>{t(`principles.${name}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <p className="paper__notice" role="status">
        {notice?.kind === 'duplicate' && t('staff.paper.duplicate')}
        {notice?.kind === 'failed' && t('staff.paper.notSaved', { message: notice.message })}
      </p>
      <div className="paper__actions">
        <button
          type="submit"
          className="button button--primary button--large"
          disabled={saving}
          aria-busy={saving}
        >
          {saving ? t('staff.paper.saving') : t('staff.paper.save')}
        </button>
      </div>
    </form>
  )
}
