import './review.css'
import { useTranslation } from 'react-i18next'
import { StrokesImage } from '../../../components/StrokesImage'
import { emailOf, type CompleteDraft } from '../draft'
import { StepLayout, type StepName } from '../StepLayout'

export type SaveState = 'idle' | 'saving' | 'failed' | 'duplicate'

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
    rows: [string, string | null | undefined][],
  ) => (
    <section className="review-card" aria-label={heading}>
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
      next={
        <button
          type="button"
          className="button button--primary button--large"
          disabled={saving || saveState === 'duplicate'}
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
      {saveState === 'duplicate' && (
        <p className="banner banner--info" role="status">
          {t('review.duplicate')}
        </p>
      )}
      <div className="review-grid">
        {section('details', t('flow.steps.details'), [
          [t('review.capacity'), t(`capacity.${capacity}`)],
          [t('review.organisation'), details.organisationName],
          [
            t('review.organisationType'),
            details.organisationType ? t(`details.orgTypes.${details.organisationType}`) : null,
          ],
          [t('review.role'), details.role],
          [t('review.name'), `${details.firstName} ${details.lastName}`],
          [t('review.email'), emailOf(draft)],
          [t('review.country'), countryName],
          [t('review.city'), details.city],
        ])}
        {section('principles', t('review.consents'), [
          [t('review.endorse'), t('review.yes')],
          [
            t('review.consents'),
            chosen.length ? chosen.map((c) => t(`principles.${c}`)).join(' · ') : t('review.none'),
          ],
        ])}
        <section className="review-card" aria-label={t('review.signature')}>
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
