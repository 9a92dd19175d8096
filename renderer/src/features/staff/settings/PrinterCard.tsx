import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrinterList } from '@shared/printing'
import { api } from '../../../lib/api'
import { failureMessage } from '../../../lib/failure-message'
import { failureStatus, printerStatus, type PrinterStatus } from './printer-status'
import { SettingsCard } from './settings-parts'

/** The certificate printer: the system's printers to choose from, and a test page. */
export function PrinterCard(props: {
  value: string
  error: string | undefined
  onChange: (value: string) => void
}) {
  const { t } = useTranslation()
  const selectId = useId()
  const [printers, setPrinters] = useState<PrinterList | null>(null)
  const [testing, setTesting] = useState(false)
  const [result, setResult] = useState<PrinterStatus | null>(null)
  useEffect(() => {
    let cancelled = false
    api.listPrinters().then(
      (list) => !cancelled && setPrinters(list),
      (failure: unknown) =>
        !cancelled &&
        setPrinters({
          ok: false,
          reason: 'spooler-unavailable',
          message: 'The printer list did not arrive.',
          detail: failureMessage(failure),
        }),
    )
    return () => {
      cancelled = true
    }
  }, [])
  const known = printers?.ok ? printers.printers : []
  // A printer saved earlier stays choosable even when the system does not list it right now.
  const missing = props.value !== '' && !known.some((p) => p.name === props.value)

  const testPage = async () => {
    setTesting(true)
    setResult(null)
    try {
      const answer = await api.printTestPage({ printerName: props.value })
      setResult(
        answer.ok
          ? {
              kind: 'ok',
              key: 'staff.settings.testPageSent',
              values: { printer: answer.printer },
              detail: null,
            }
          : failureStatus({ ...answer, detail: answer.detail ?? answer.message }),
      )
    } catch (failure) {
      setResult({
        kind: 'error',
        key: 'staff.printing.spooler-unavailable',
        values: {},
        detail: failureMessage(failure),
      })
    } finally {
      setTesting(false)
    }
  }

  return (
    <SettingsCard name="printer" title={t('staff.settings.printerTitle')}>
      <div className={`field ${props.error ? 'field--invalid' : ''}`}>
        <label className="field__label" htmlFor={selectId}>
          {t('staff.settings.printer')}
        </label>
        <p className="field__hint">{t('staff.settings.printerHint')}</p>
        <select
          id={selectId}
          className="field__input settings__select"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        >
          <option value="">{t('staff.settings.noPrinter')}</option>
          {missing && (
            <option value={props.value}>
              {t('staff.settings.printerMissing', { printer: props.value })}
            </option>
          )}
          {known.map((printer) => (
            <option key={printer.name} value={printer.name}>
              {printer.name}
              {printer.isDefault ? ` · ${t('staff.settings.printerDefault')}` : ''}
              {printer.accepting ? '' : ` · ${t('staff.settings.printerPaused')}`}
            </option>
          ))}
        </select>
        {props.error && (
          <p className="field__error" role="alert">
            {props.error}
          </p>
        )}
      </div>
      <PrinterStatusLine status={printerStatus(printers, props.value)} testId="printer-status" />
      <div className="settings__inline">
        <button
          type="button"
          className="button button--small"
          disabled={props.value === '' || testing}
          onClick={() => void testPage()}
        >
          {testing ? t('staff.settings.testPagePrinting') : t('staff.settings.testPage')}
        </button>
        <PrinterStatusLine status={result} testId="printer-test-status" />
      </div>
    </SettingsCard>
  )
}

/** A translated sentence; what the print system said is only in a "Details" disclosure. */
function PrinterStatusLine(props: { status: PrinterStatus | null; testId: string }) {
  const { t } = useTranslation()
  const { status } = props
  if (!status) return null
  return (
    <div className="printer-status" data-testid={props.testId}>
      <p
        className={`settings__status settings__status--${status.kind}`}
        role={status.kind === 'error' ? 'alert' : 'status'}
      >
        {t(status.key, status.values)}
      </p>
      {status.detail && (
        <details className="printer-status__details">
          <summary>{t('staff.printing.details')}</summary>
          <pre>{status.detail}</pre>
        </details>
      )}
    </div>
  )
}
