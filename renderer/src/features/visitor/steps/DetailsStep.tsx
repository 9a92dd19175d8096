import { zodResolver } from '@hookform/resolvers/zod'
import { Controller, useForm, type Resolver } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { Capacity } from '@shared/signature'
import { CountryPicker } from '../CountryPicker'
import { DetailsFields } from '../DetailsFields'
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

/** The visitor's details: the fields of `DetailsFields`, checked by the details schema. */
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
        <DetailsFields
          organisation={organisation}
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
      </form>
    </StepLayout>
  )
}
