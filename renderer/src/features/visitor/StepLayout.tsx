import './flow.css'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFocusHeading } from '../../components/useFocusHeading'
import { DisplayOptionsButton } from './display/DisplayOptionsButton'

export const STEPS = ['capacity', 'details', 'principles', 'signature', 'review'] as const
export type StepName = (typeof STEPS)[number]

interface Props {
  step: StepName
  title: string
  lead?: string
  onBack?: () => void
  onStartOver: () => void
  /** The step's forward action (a submit button tied to the step's form, usually). */
  next?: ReactNode
  /** Content laid out in columns, which may use the whole width of a landscape screen. */
  wide?: boolean
  children: ReactNode
}

/** The frame of every signing step: brand and progress on top, content, Back / Continue at the bottom. */
export function StepLayout({
  step,
  title,
  lead,
  onBack,
  onStartOver,
  next,
  wide = false,
  children,
}: Props) {
  const { t } = useTranslation()
  const headingRef = useFocusHeading<HTMLHeadingElement>()
  const current = STEPS.indexOf(step) + 1
  return (
    <div className="flow">
      <header className="flow__bar">
        <span className="flow__brand">
          <span className="flow__hash">#</span>
          {t('flow.brand').replace(/^#/, '')}
        </span>
        <nav aria-label={t('flow.progress', { current, total: STEPS.length })}>
          <ol className="stepper">
            {STEPS.map((name, index) => (
              <li
                key={name}
                className="stepper__step"
                aria-current={name === step ? 'step' : undefined}
                data-done={index + 1 < current || undefined}
              >
                <span className="stepper__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="stepper__label">{t(`flow.steps.${name}`)}</span>
              </li>
            ))}
          </ol>
        </nav>
        <DisplayOptionsButton placement="bar" />
        <button type="button" className="button button--quiet" onClick={onStartOver}>
          {t('flow.startOver')}
        </button>
      </header>
      <main className={wide ? 'flow__main flow__main--wide' : 'flow__main'}>
        <p className="flow__progress">{t('flow.progress', { current, total: STEPS.length })}</p>
        <h1 className="title" ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {lead && <p className="lead">{lead}</p>}
        {children}
      </main>
      <footer className="flow__nav">
        {onBack ? (
          <button type="button" className="button button--large" onClick={onBack}>
            ← {t('flow.back')}
          </button>
        ) : (
          <span />
        )}
        {next}
      </footer>
    </div>
  )
}
