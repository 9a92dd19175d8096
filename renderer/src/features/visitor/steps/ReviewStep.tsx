import './review.css'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { StrokesImage } from '../../../components/StrokesImage'
import { emailOf, type CompleteDraft } from '../draft'
import { StepLayout, type StepName } from '../StepLayout'

export type SaveState = 'idle' | 'saving' | 'failed'

interface Props {
  draft: CompleteDraft
  saveState: SaveState
  onConfirm: () => void
  onEdit: (step: StepName) => void
  onBack: () => void
  onStartOver: () => void
}

/** Everything entered, each part with a Change button, then Confirm. Confirm is disabled while saving. */
export function ReviewStep({ draft, saveState, onConfirm, onEdit, onBack, onStartOver }: Props) {
  const { t, i18n } = useTranslation()
  const { details, consents, capacity } = draft
  const countryName = new Intl.DisplayNames([i18n.language], { type: 'region' }).of(details.country)
  const chosen = (['newsletter', 'publishName', 'localStory', 'localEvents'] as const).filter(
    (c) => consents[c],
  )
  const saving = saveState === 'saving'

  const section = (
    step: StepName,
    heading: string,
    rows: [string, ReactNode][],
    className = '',
  ) => (
    <section className={`review-card ${className}`} aria-label={heading}>
      <div className="review-card__head">
        <h2 className="review-card__title">{heading}</h2>
        <button
          type="button"
          className="button button--quiet"
          disabled={saving}
          aria-label={`${t('review.change')}: ${heading}`}
          onClick={() => onEdit(step)}
        >
          {t('review.change')}
        </button>
      </div>
      <dl className="review-card__rows">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="review-card__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  )

  return (
    <StepLayout
      step="review"
      title={t('review.title')}
      lead={t('review.lead')}
      onBack={saving ? undefined : onBack}
      onStartOver={onStartOver}
      wide
      next={
        <button
          type="button"
          className="button button--primary button--large"
          disabled={saving}
          aria-busy={saving}
          onClick={onConfirm}
        >
          {saving
            ? t('review.saving')
            : saveState === 'failed'
              ? t('review.retry')
              : t('review.confirm')}
        </button>
      }
    >
      {saveState === 'failed' && (
        <p className="banner banner--error" role="alert">
          {t('review.notSaved')}
        </p>
      )}
      <div className="review-grid">
        {section(
          'details',
          t('flow.steps.details'),
          [
            [t('review.capacity'), t(`capacity.${capacity}`)],
            [t('review.organisation'), details.organisationName],
            [
              t('review.organisationType'),
              details.organisationType ? t(`details.orgTypes.${details.organisationType}`) : null,
            ],
            [t('review.role'), details.role],
            [t('review.name'), `${details.firstName} ${details.lastName}`],
            [t('review.email'), breakableEmail(emailOf(draft))],
            [t('review.country'), countryName],
            [t('review.city'), details.city],
          ],
          'review-card--details',
        )}
        {section(
          'principles',
          t('review.consents'),
          [
            [t('review.endorse'), t('review.yes')],
            [
              t('review.consents'),
              chosen.length
                ? chosen.map((c) => t(`principles.${c}`)).join(' · ')
                : t('review.none'),
            ],
          ],
          'review-card--choices',
        )}
        <section className="review-card review-card--signature" aria-label={t('review.signature')}>
          <div className="review-card__head">
            <h2 className="review-card__title">{t('review.signature')}</h2>
            <button
              type="button"
              className="button button--quiet"
              disabled={saving}
              aria-label={`${t('review.change')}: ${t('review.signature')}`}
              onClick={() => onEdit('signature')}
            >
              {t('review.change')}
            </button>
          </div>
          <StrokesImage signature={draft.signature} label={t('review.signature')} />
        </section>
      </div>
    </StepLayout>
  )
}

/** A part of an email longer than this may still wrap inside, rather than run out of its card. */
const LONGEST_UNBROKEN = 32

/** An email that wraps only after the @ or before a dot of its domain, not at its hyphens. */
function breakableEmail(email: string | null): ReactNode {
  if (!email) return null
  const at = email.lastIndexOf('@')
  if (at < 0) return email
  const domain = email.slice(at + 1).split('.')
  const parts = [email.slice(0, at + 1), ...domain.map((label, i) => (i ? `.${label}` : label))]
  return (
    <span className="review-email">
      {parts.map((part, i) => (
        <span
          key={i}
          className={part.length <= LONGEST_UNBROKEN ? 'review-email__part' : undefined}
        >
          {i > 0 && <wbr />}
          {part}
        </span>
      ))}
    </span>
  )
}
