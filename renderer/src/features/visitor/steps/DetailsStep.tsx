import { zodResolver } from '@hookform/resolvers/zod'
import { Controller, useForm, type Resolver } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { Capacity } from '@shared/signature'
import { ORGANISATION_TYPES } from '@shared/signature'
import { Field } from '../../../components/Field'
import { CountryPicker } from '../CountryPicker'
import {
  individualDetailsSchema,
  organisationDetailsSchema,
  type Details,
  type DetailsInput,
} from '../details-schema'
import { StepLayout } from '../StepLayout'

interface Props {
  capacity: Capacity
  initial?: DetailsInput
  onDone: (details: Details, input: DetailsInput) => void
  onBack: (input: DetailsInput) => void
  onStartOver: () => void
}

const EMPTY: DetailsInput = { firstName: '', lastName: '', email: '', country: '', city: '' }
const EMPTY_ORGANISATION: DetailsInput = {
  ...EMPTY,
  organisationType: '',
  organisationName: '',
  role: '',
}

/** Name, email, country, city; for an organisation also its type, name and the signatory's role. */
export function DetailsStep({ capacity, initial, onDone, onBack, onStartOver }: Props) {
  const { t } = useTranslation()
  const organisation = capacity === 'organisation'
  const schema = organisation ? organisationDetailsSchema : individualDetailsSchema
  const {
    register,
    handleSubmit,
    control,
    getValues,
    formState: { errors },
  } = useForm<DetailsInput, unknown, Details>({
    // One form type serves both capacities; the schema chosen above decides which fields count.
    resolver: zodResolver(schema) as unknown as Resolver<DetailsInput, unknown, Details>,
    defaultValues: initial ?? (organisation ? EMPTY_ORGANISATION : EMPTY),
    shouldFocusError: true,
  })
  const message = (key?: string) => (key ? t(key) : undefined)

  return (
    <StepLayout
      step="details"
      title={t(organisation ? 'details.titleOrganisation' : 'details.title')}
      onBack={() => onBack(getValues())}
      onStartOver={onStartOver}
      next={
        <button type="submit" form="details-form" className="button button--primary button--large">
          {t('flow.next')} →
        </button>
      }
    >
      <form
        id="details-form"
        className="form-grid"
        noValidate
        autoComplete="off"
        onSubmit={handleSubmit((details) => onDone(details, getValues()))}
      >
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
                    <input type="radio" value={type} {...register('organisationType')} />
                    <span>{t(`details.orgTypes.${type}`)}</span>
                  </label>
                ))}
              </div>
              {errors.organisationType && (
                <p className="field__error" id="org-type-error" role="alert">
                  {message(errors.organisationType.message)}
                </p>
              )}
            </fieldset>
            <Field
              className="field--wide"
              label={t('details.organisationName')}
              maxLength={300}
              error={message(errors.organisationName?.message)}
              autoCapitalize="words"
              {...register('organisationName')}
            />
            <Field
              className="field--wide"
              label={t('details.role')}
              maxLength={200}
              error={message(errors.role?.message)}
              autoCapitalize="words"
              {...register('role')}
            />
          </>
        )}
        <Field
          label={t('details.firstName')}
          maxLength={100}
          error={message(errors.firstName?.message)}
          autoCapitalize="words"
          {...register('firstName')}
        />
        <Field
          label={t('details.lastName')}
          maxLength={100}
          error={message(errors.lastName?.message)}
          autoCapitalize="words"
          {...register('lastName')}
        />
        <Field
          className="field--wide"
          type="email"
          inputMode="email"
          label={t('details.email')}
          hint={t('details.emailHint')}
          maxLength={254}
          error={message(errors.email?.message)}
          {...register('email')}
        />
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
        <Field
          label={t('details.city')}
          optionalLabel={t('details.optional')}
          maxLength={150}
          error={message(errors.city?.message)}
          autoCapitalize="words"
          {...register('city')}
        />
      </form>
    </StepLayout>
  )
}
