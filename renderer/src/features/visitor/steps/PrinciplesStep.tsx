import './principles.css'
import { zodResolver } from '@hookform/resolvers/zod'
import Markdown from 'markdown-to-jsx'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Dialog } from '../../../components/Dialog'
import { Field } from '../../../components/Field'
import { emailSchema } from '../details-schema'
import { StepLayout } from '../StepLayout'
import { useOrganiserText } from '../useOrganiserText'
import { ControllerDetails, type ControllerSettings } from './ControllerDetails'
import { isLanguage } from '@shared/settings'

export interface PrinciplesResult {
  consents: {
    endorse: true
    newsletter: boolean
    publishName: boolean
    localStory: boolean
    localEvents: boolean
  }
  /** What the email field holds: asked for when an optional choice needs it and the details had none. */
  email: string | null
}

/** The choices; an optional one that needs an email asks for it when the details gave none. */
const principlesSchema = (detailsEmail: string | null) =>
  z
    .object({
      endorse: z.boolean().refine((v) => v, 'errors.endorse'),
      newsletter: z.boolean(),
      publishName: z.boolean(),
      localStory: z.boolean(),
      localEvents: z.boolean(),
      email: emailSchema,
    })
    .superRefine((value, ctx) => {
      if (
        (value.newsletter || value.localStory || value.localEvents) &&
        !detailsEmail &&
        !value.email
      ) {
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'errors.emailNeeded' })
      }
    })

type Schema = ReturnType<typeof principlesSchema>
type Input = z.input<Schema>

interface Props {
  language: string
  initial?: Partial<Input>
  /** The email given with the details, if any: then the choices need no other. */
  detailsEmail: string | null
  /** The data controller named in the privacy notice (settings). */
  controller: ControllerSettings
  onDone: (result: PrinciplesResult) => void
  onBack: () => void
  onStartOver: () => void
}

const OPTIONAL = ['newsletter', 'publishName', 'localStory', 'localEvents'] as const

/** The declaration, the required endorsement and the optional choices, with the privacy notice one tap away. */
export function PrinciplesStep({
  language,
  initial,
  detailsEmail,
  controller,
  onDone,
  onBack,
  onStartOver,
}: Props) {
  const { t } = useTranslation()
  const [privacyOpen, setPrivacyOpen] = useState(false)
  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useForm<Input, unknown, z.output<Schema>>({
    resolver: zodResolver(principlesSchema(detailsEmail)),
    defaultValues: {
      endorse: false,
      newsletter: false,
      publishName: false,
      localStory: false,
      localEvents: false,
      email: '',
      ...initial,
    },
  })
  const [newsletter, localStory, localEvents] = useWatch({
    control,
    name: ['newsletter', 'localStory', 'localEvents'],
  })
  const needsEmail = !detailsEmail && (newsletter || localStory || localEvents)

  return (
    <StepLayout
      step="principles"
      title={t('principles.title')}
      onBack={onBack}
      onStartOver={onStartOver}
      wide
      next={
        <button
          type="submit"
          form="principles-form"
          className="button button--primary button--large"
        >
          {t('flow.next')} →
        </button>
      }
    >
      <div className="principles">
        <OrganiserMarkdown className="declaration" name="declaration" language={language} />
        <form
          id="principles-form"
          className="consents"
          noValidate
          onSubmit={handleSubmit(({ email: given, endorse: _e, ...optional }) =>
            onDone({ consents: { endorse: true, ...optional }, email: given }),
          )}
        >
          <label className={`check check--required ${errors.endorse ? 'check--invalid' : ''}`}>
            <input
              type="checkbox"
              aria-invalid={errors.endorse ? true : undefined}
              aria-describedby={errors.endorse ? 'endorse-error' : undefined}
              {...register('endorse')}
            />
            <span>
              {t('principles.endorse')}{' '}
              <span className="check__tag">({t('principles.required')})</span>
            </span>
          </label>
          {errors.endorse?.message && (
            <p className="field__error" id="endorse-error" role="alert">
              {t(errors.endorse.message)}
            </p>
          )}
          <fieldset className="consents__optional">
            <legend>{t('principles.optionalHeading')}</legend>
            {OPTIONAL.map((name) => (
              <label key={name} className="check">
                <input type="checkbox" {...register(name)} />
                <span>{t(`principles.${name}`)}</span>
              </label>
            ))}
          </fieldset>
          {needsEmail && (
            <Field
              type="email"
              inputMode="email"
              label={t('principles.emailForConsent')}
              maxLength={254}
              error={errors.email?.message ? t(errors.email.message) : undefined}
              {...register('email')}
            />
          )}
          <button
            type="button"
            className="button button--link"
            onClick={() => setPrivacyOpen(true)}
          >
            {t('principles.privacy')}
          </button>
        </form>
      </div>
      <Dialog open={privacyOpen} title={t('privacy.title')} onClose={() => setPrivacyOpen(false)}>
        <OrganiserMarkdown className="privacy" name="privacy" language={language} />
        <ControllerDetails controller={controller} />
        <button
          type="button"
          className="button button--primary"
          onClick={() => setPrivacyOpen(false)}
        >
          {t('privacy.close')}
        </button>
      </Dialog>
    </StepLayout>
  )
}

/** An organisers' text, marked with the language it is really in (English where a file is missing). */
function OrganiserMarkdown({
  className,
  name,
  language,
}: {
  className: string
  name: 'declaration' | 'privacy'
  language: string
}) {
  const text = useOrganiserText(name, isLanguage(language) ? language : 'en')
  return (
    <article className={className} lang={text?.language ?? language} aria-busy={text === null}>
      {text && <Markdown options={{ disableParsingRawHTML: true }}>{text.text}</Markdown>}
    </article>
  )
}
