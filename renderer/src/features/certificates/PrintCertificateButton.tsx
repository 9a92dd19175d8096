import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { db } from '../../db'
import type { SignatureRecord } from '@shared/signature'
import { api } from '../../lib/api'
import { useHoldIdle } from '../visitor/idle-hold'
import { TakeAwayQr } from './TakeAwayQr'

type State = 'idle' | 'printing' | 'printed' | 'failed' | 'take-away'

interface Props {
  record: SignatureRecord
  /** With a printer chosen in settings the kiosk prints; otherwise it offers the QR code. */
  printerConfigured: boolean
  /** The register's address (settings); its certificate page is what the QR code opens. */
  registerUrl: string
}

/**
 * "Print my certificate": prints from the PDF and says whether it worked. Without a printer, or
 * when printing fails, the visitor takes away a QR code to their certificate's page on the
 * register: nothing of theirs is downloaded onto the kiosk.
 */
export function PrintCertificateButton({ record, printerConfigured, registerUrl }: Props) {
  const { t } = useTranslation()
  const [state, setState] = useState<State>('idle')
  // The visitor waits at the printer: the thank-you screen must not reset under them.
  useHoldIdle(state === 'printing')

  const markPrinted = () =>
    db.signatures.update(record.id, { printedAt: new Date().toISOString() }).catch(() => undefined)

  const print = async () => {
    if (!printerConfigured) {
      setState('take-away')
      return
    }
    setState('printing')
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
      {state !== 'take-away' && (
        <button
          type="button"
          className="button button--primary button--xl"
          disabled={state === 'printing'}
          aria-busy={state === 'printing'}
          onClick={() => void print()}
        >
          {state === 'printing' ? t('thanks.printing') : t('thanks.print')}
        </button>
      )}
      <p className="print-certificate__status" role="status">
        {state === 'printed' && t('thanks.printed')}
        {state === 'failed' && t('thanks.printFailed')}
        {state === 'take-away' && t('thanks.noPrinter')}
      </p>
      {(state === 'take-away' || state === 'failed') && (
        <TakeAwayQr certificateNo={record.certificateNo} registerUrl={registerUrl} />
      )}
    </div>
  )
}
