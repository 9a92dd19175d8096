import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { db } from '../../db'
import type { SignatureRecord } from '@shared/signature'
import { api } from '../../lib/api'
import { downloadFile } from '../../lib/download'
import { useHoldIdle } from '../visitor/idle-hold'

type State = 'idle' | 'printing' | 'printed' | 'failed' | 'downloaded'

interface Props {
  record: SignatureRecord
  /** With a printer chosen in settings the kiosk prints; otherwise it hands out the PDF. */
  printerConfigured: boolean
}

/** "Print my certificate": prints from the PDF and says whether it worked; the PDF itself is always the fallback. */
export function PrintCertificateButton({ record, printerConfigured }: Props) {
  const { t } = useTranslation()
  const [state, setState] = useState<State>('idle')
  // The visitor waits at the printer: the thank-you screen must not reset under them.
  useHoldIdle(state === 'printing')

  const markPrinted = () =>
    db.signatures.update(record.id, { printedAt: new Date().toISOString() }).catch(() => undefined)

  const download = async () => {
    try {
      const pdf = await api.renderCertificate({ record })
      downloadFile(pdf, `certificate-${record.certificateNo}.pdf`)
      setState('downloaded')
      void markPrinted()
    } catch {
      setState('failed')
    }
  }

  const print = async () => {
    setState('printing')
    if (!printerConfigured) return download()
    const result = await api.printCertificate({ record }).catch(() => ({ ok: false as const }))
    if (result.ok) {
      setState('printed')
      void markPrinted()
    } else {
      setState('failed')
    }
  }

  return (
    <div className="print-certificate">
      <button
        type="button"
        className="button button--primary button--xl"
        disabled={state === 'printing'}
        aria-busy={state === 'printing'}
        onClick={() => void print()}
      >
        {state === 'printing' ? t('thanks.printing') : t('thanks.print')}
      </button>
      <p className="print-certificate__status" role="status">
        {state === 'printed' && t('thanks.printed')}
        {state === 'downloaded' && t('thanks.downloaded')}
        {state === 'failed' && t('thanks.printFailed')}
      </p>
      {state === 'failed' && printerConfigured && (
        <button type="button" className="button" onClick={() => void download()}>
          {t('thanks.downloadPdf')}
        </button>
      )}
    </div>
  )
}
