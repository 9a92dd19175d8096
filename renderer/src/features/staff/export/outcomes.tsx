import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportResult } from '@shared/export-jobs'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import { downloadFromUrl } from '../../../lib/download'
import { failureMessage } from '../../../lib/failure-message'
import type { CertificatesJob } from './bulk-certificates'
import { sendToPrinter, useBulkPrint, type PrintableJob } from './bulk-print'
import { formatBytes } from '../../../lib/format-bytes'

/** What an export wrote and where: counts, then the folder path staff can read out or copy. */
export function ExportOutcome({
  result,
  selection = false,
}: {
  result: ExportResult
  /** A table selection: one folder per day, signatures only. */
  selection?: boolean
}) {
  const { t, i18n } = useTranslation()
  const number = new Intl.NumberFormat(i18n.language)
  const sum = (key: 'records' | 'withdrawals' | 'auditEntries') =>
    number.format(result.batches.reduce((total, batch) => total + batch[key], 0))
  return (
    <>
      <p className="job__title">
        {selection
          ? t('staff.export.doneSelection', {
              records: sum('records'),
              count: result.batches.length,
            })
          : t('staff.export.done', {
              records: sum('records'),
              withdrawals: sum('withdrawals'),
              audit: sum('auditEntries'),
            })}
      </p>
      <p className="tools__path" data-testid="export-result-folder">
        {result.folder}
      </p>
    </>
  )
}

/** The finished PDF: how many certificates, its size and path, and a download on the web host. */
export function CertificatesOutcome({
  result,
  download,
}: {
  result: CertificatesJob
  download: boolean
}) {
  const { t, i18n } = useTranslation()
  const [error, setError] = useState('')
  const number = new Intl.NumberFormat(i18n.language)
  const name = result.path.split(/[\\/]/).pop() ?? 'certificates.pdf'
  return (
    <>
      <p className="job__title">
        {t('staff.bulk.done', {
          count: result.count,
          formatted: number.format(result.count),
          size: formatBytes(result.bytes, i18n.language),
        })}
      </p>
      <p className="tools__path" data-testid="certificates-path">
        {result.path}
      </p>
      <div className="tools__actions">
        {download && (
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void api.downloadCertificates({ jobId: result.jobId }).then(
                ({ url }) => downloadFromUrl(url, name),
                (failure: unknown) => setError(failureMessage(failure)),
              )
            }
          >
            {t('staff.bulk.download')}
          </button>
        )}
        <SendToPrinterButton job={result} />
      </div>
      <PrintAnswer jobId={result.jobId} />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}

/** Sends the finished PDF to the printer chosen in settings; disabled while it is on its way. */
function SendToPrinterButton({ job }: { job: PrintableJob }) {
  const { t } = useTranslation()
  const state = useBulkPrint(job.jobId)
  return (
    <button
      type="button"
      className="button button--small"
      disabled={state.status === 'sending'}
      onClick={() => void sendToPrinter(db, api, job)}
    >
      {state.status === 'sent' ? t('staff.bulk.sendAgain') : t('staff.bulk.sendToPrinter')}
    </button>
  )
}

/** What became of "Send to printer": on its way, taken by the printer's queue, or why not. */
function PrintAnswer({ jobId }: { jobId: string }) {
  const { t } = useTranslation()
  const state = useBulkPrint(jobId)
  switch (state.status) {
    case 'idle':
      return null
    case 'sending':
      return (
        <span className="job__label" role="status" data-testid="bulk-print-status">
          {t('staff.bulk.sending')}
        </span>
      )
    case 'sent':
      return (
        <>
          <p className="job__title" role="status" data-testid="bulk-print-status">
            {state.printJob
              ? t('staff.bulk.sent', { printer: state.printer, job: state.printJob })
              : t('staff.bulk.sentNoJob', { printer: state.printer })}
          </p>
          {state.notRecorded && (
            <p className="field__error" role="alert">
              {t('staff.bulk.notRecorded', { reason: state.notRecorded })}
            </p>
          )}
        </>
      )
    case 'failed':
      return (
        <p className="field__error" role="alert" data-testid="bulk-print-status">
          {state.message}
        </p>
      )
  }
}
