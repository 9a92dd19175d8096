import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobState } from './job-store'
import type { JobProgress } from './jobs'

interface Props<R> {
  state: JobState<R>
  /** What the bar measures, e.g. "Signatures read: 250 of 1,667". */
  progressLabel: (progress: JobProgress, number: Intl.NumberFormat) => string
  onCancel?: () => void
  renderResult: (result: R) => ReactNode
}

/** A running job's progress bar with Cancel, then its outcome. Announced to screen readers. */
export function JobStatus<R>({ state, progressLabel, onCancel, renderResult }: Props<R>) {
  const { t, i18n } = useTranslation()
  const number = new Intl.NumberFormat(i18n.language)
  switch (state.status) {
    case 'idle':
      return null
    case 'running': {
      const progress = state.progress
      const label = progress ? progressLabel(progress, number) : t('staff.export.starting')
      return (
        <div className="job" data-testid="job-status">
          <div className="job__head">
            <span className="job__label" role="status">
              {label}
            </span>
            {onCancel && (
              <button
                type="button"
                className="button button--small button--danger"
                onClick={onCancel}
              >
                {t('staff.export.cancel')}
              </button>
            )}
          </div>
          <progress
            className="job__bar"
            aria-label={label}
            max={progress?.total || 1}
            value={progress && progress.phase === 'reading' ? progress.done : undefined}
          />
        </div>
      )
    }
    case 'done':
      return (
        <div className="job job--done" role="status" data-testid="job-status">
          {renderResult(state.result)}
        </div>
      )
    case 'failed':
      return (
        <div className="job job--failed" role="alert" data-testid="job-status">
          {state.message}
        </div>
      )
    case 'cancelled':
      return (
        <div className="job" role="status" data-testid="job-status">
          {t('staff.export.cancelled')}
        </div>
      )
  }
}
