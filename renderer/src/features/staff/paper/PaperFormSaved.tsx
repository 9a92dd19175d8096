import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '@shared/settings'
import type { SignatureRecord } from '@shared/signature'
import { useFocusHeading } from '../../../components/useFocusHeading'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import { reprintCertificate } from '../signatures/reprint'

interface Props {
  record: SignatureRecord
  settings: PublicSettings
  onAnother: () => void
}

/** A saved paper form: its certificate number, its certificate (printer or PDF), the next form. */
export function PaperFormSaved({ record, settings, onAnother }: Props) {
  const { t } = useTranslation()
  const headingRef = useFocusHeading<HTMLHeadingElement>()
  const [printing, setPrinting] = useState(false)
  const [status, setStatus] = useState('')
  const certificateNo = record.certificateNo

  const print = async () => {
    setPrinting(true)
    setStatus('')
    const outcome = await reprintCertificate(db, record, settings.printerName !== '', api)
    setPrinting(false)
    if (!outcome.ok) {
      setStatus(t('staff.table.reprintFailed', { certificateNo, message: outcome.message }))
    } else {
      setStatus(
        outcome.printer
          ? t('staff.table.reprinted', { certificateNo, printer: outcome.printer })
          : t('staff.table.reprintedPdf', { certificateNo }),
      )
    }
  }

  return (
    <section className="paper card" aria-labelledby="paper-saved-title">
      <h2 id="paper-saved-title" className="card__title" ref={headingRef} tabIndex={-1}>
        {t('staff.paper.saved', { paperRef: record.paperRef, certificateNo })}
      </h2>
      <p className="paper__certificate">{certificateNo}</p>
      <p className="paper__notice" role="status">
        {status}
      </p>
      <div className="paper__actions">
        <button
          type="button"
          className="button button--primary button--large"
          disabled={printing}
          aria-busy={printing}
          onClick={() => void print()}
        >
          {printing ? t('staff.table.reprinting') : t('staff.paper.print')}
        </button>
        <button type="button" className="button button--large" onClick={onAnother}>
          {t('staff.paper.another')}
        </button>
      </div>
    </section>
  )
}
