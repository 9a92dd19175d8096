import './capacity.css'
import { useTranslation } from 'react-i18next'
import type { Capacity } from '@shared/signature'
import { StepLayout } from '../StepLayout'

interface Props {
  selected?: Capacity
  onChoose: (capacity: Capacity) => void
  onBack: () => void
  onStartOver: () => void
}

/** In my own name, or on behalf of an organisation: two large choices. */
export function CapacityStep({ selected, onChoose, onBack, onStartOver }: Props) {
  const { t } = useTranslation()
  return (
    <StepLayout
      step="capacity"
      title={t('capacity.title')}
      onBack={onBack}
      onStartOver={onStartOver}
    >
      <div className="choice-cards">
        {(['individual', 'organisation'] as const).map((capacity) => (
          <button
            key={capacity}
            type="button"
            className="choice-card"
            aria-pressed={selected === capacity}
            aria-describedby={`capacity-${capacity}-hint`}
            onClick={() => onChoose(capacity)}
          >
            <CapacityIcon capacity={capacity} />
            <span className="choice-card__title">{t(`capacity.${capacity}`)}</span>
            <span className="choice-card__hint" id={`capacity-${capacity}-hint`}>
              {t(`capacity.${capacity}Hint`)}
            </span>
          </button>
        ))}
      </div>
    </StepLayout>
  )
}

/** Simple line icons drawn here (no emoji font is guaranteed on a kiosk). */
function CapacityIcon({ capacity }: { capacity: Capacity }) {
  return (
    <svg className="choice-card__icon" viewBox="0 0 48 48" aria-hidden="true">
      {capacity === 'individual' ? (
        <>
          <circle cx="24" cy="15" r="8" />
          <path d="M8 42c0-9 7-15 16-15s16 6 16 15" />
        </>
      ) : (
        <>
          <path d="M6 18 24 7l18 11M8 42h32M10 40V20M19 40V20M29 40V20M38 40V20" />
        </>
      )}
    </svg>
  )
}
