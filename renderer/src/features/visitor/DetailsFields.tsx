import type { ReactNode } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ORGANISATION_TYPES } from '@shared/signature'
import { Field } from '../../components/Field'
import type { DetailsInput } from './details-schema'

export type DetailsErrors = Partial<Record<keyof DetailsInput, { message?: string } | undefined>>

interface Props {
  organisation: boolean
  /** The form's `register` for one of the details fields. */
  field: (name: keyof DetailsInput) => UseFormRegisterReturn
  /** The form's errors; messages are i18n keys (details-schema). */
  errors: DetailsErrors
  /** The country picker, wired to the form by the caller (a controlled field). */
  country: ReactNode
}

/**
 * Name, email, country, city; for an organisation also its type, name and the signatory's role.
 * The visitor's details step and the staff's paper form share these fields and their checks.
 */
export function DetailsFields({ organisation, field, errors, country }: Props) {
  const { t } = useTranslation()
  const message = (name: keyof DetailsInput) => {
    const key = errors[name]?.message
    return key ? t(key) : undefined
  }
  return (
    <>
      {organisation && (
        <>
          <fieldset
            className={`field field--wide ${errors.organisationType ? 'field--invalid' : ''}`}
            aria-describedby={errors.organisationType ? 'org-type-error' : undefined}
          >
            <legend className="field__label">{t('details.organisationType')}</legend>
            <div className="radio-cards">
              {ORGANISATION_TYPES.map((type) => (
                <label key={type} className="radio-card">
                  <input type="radio" value={type} {...field('organisationType')} />
                  <span>{t(`details.orgTypes.${type}`)}</span>
                </label>
              ))}
            </div>
            {errors.organisationType && (
              <p className="field__error" id="org-type-error" role="alert">
                {message('organisationType')}
              </p>
            )}
          </fieldset>
          <Field
            className="field--wide"
            label={t('details.organisationName')}
            maxLength={300}
            error={message('organisationName')}
            autoCapitalize="words"
            {...field('organisationName')}
          />
          <Field
            className="field--wide"
            label={t('details.role')}
            maxLength={200}
            error={message('role')}
            autoCapitalize="words"
            {...field('role')}
          />
        </>
      )}
      <Field
        label={t('details.firstName')}
        maxLength={100}
        error={message('firstName')}
        autoCapitalize="words"
        {...field('firstName')}
      />
      <Field
        label={t('details.lastName')}
        maxLength={100}
        error={message('lastName')}
        autoCapitalize="words"
        {...field('lastName')}
      />
      <Field
        className="field--wide"
        type="email"
        inputMode="email"
        label={t('details.email')}
        hint={t('details.emailHint')}
        maxLength={254}
        error={message('email')}
        {...field('email')}
      />
      {country}
      <Field
        label={t('details.city')}
        optionalLabel={t('details.optional')}
        maxLength={150}
        error={message('city')}
        autoCapitalize="words"
        {...field('city')}
      />
    </>
  )
}
