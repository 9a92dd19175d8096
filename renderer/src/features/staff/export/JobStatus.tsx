import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportResult } from '@shared/export-jobs'
import { cancelJob, useJob, type JobKind } from './job-store'
import type { CertificatesJob } from './bulk-certificates'
import { CertificatesOutcome, ExportOutcome } from './outcomes'

interface Props<R> {
  kind: JobKind
  /**
   * Locale keys for the bar: `reading` while records go to the main process (given `done` and
   * `total`, e.g. "Signatures read: 250 of 1,667"), `writing` while it writes the files.
   */
  labels: { reading: string; writing: string }
  renderResult: (result: R) => ReactNode
}

/** A job's progress bar with Cancel while it runs, then its outcome. Announced to screen readers. */
function JobStatus<R>({ kind, labels, renderResult }: Props<R>) {
  const { t, i18n } = useTranslation()
  const state = useJob<R>(kind)
  const number = new Intl.NumberFormat(i18n.language)
  switch (state.status) {
    case 'idle':
      return null
    case 'running': {
      const progress = state.progress
      const label = !progress
        ? t('staff.export.starting')
        : progress.phase === 'reading'
          ? t(labels.reading, {
              done: number.format(progress.done),
              total: number.format(progress.total),
            })
          : t(labels.writing)
      return (
        <div className="job" data-testid="job-status">
          <div className="job__head">
            <span className="job__label" role="status">
              {label}
            </span>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => cancelJob(kind)}
            >
              {t('staff.export.cancel')}
            </button>
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

const EXPORT_LABELS = { reading: 'staff.export.reading', writing: 'staff.export.writing' }
const CERTIFICATES_LABELS = { reading: 'staff.bulk.progress', writing: 'staff.bulk.finishing' }

/** An export's status (day or table selection): records read, the batch written, where it went. */
export function ExportJobStatus({
  kind,
  selection = false,
}: {
  kind: Extract<JobKind, 'day-export' | 'selection-export'>
  /** A table selection: one folder per day, signatures only. */
  selection?: boolean
}) {
  return (
    <JobStatus<ExportResult>
      kind={kind}
      labels={EXPORT_LABELS}
      renderResult={(result) => <ExportOutcome result={result} selection={selection} />}
    />
  )
}

/** A bulk certificate PDF's status (filter or table selection): pages written, then the PDF. */
export function CertificatesJobStatus({
  kind,
  download,
}: {
  kind: Extract<JobKind, 'filter-certificates' | 'selection-certificates'>
  /** Offer the finished PDF as a browser download (the web host, where no folder can be chosen). */
  download: boolean
}) {
  return (
    <JobStatus<CertificatesJob>
      kind={kind}
      labels={CERTIFICATES_LABELS}
      renderResult={(result) => <CertificatesOutcome result={result} download={download} />}
    />
  )
}
