import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog'
import { StrokesImage } from '../../../components/StrokesImage'
import { db } from '../../../db'
import { failureMessage } from '../../../lib/failure-message'
import { ConsentEditor } from './ConsentEditor'
import { consentWordsOrNone } from './consent-words'
import type { SignatureRow } from './signature-rows'

/** One signature in full, with the drawn signature rendered from its strokes. */
export function SignatureDetails({
  row,
  onClose,
  onReprint,
  onWithdraw,
}: {
  row: SignatureRow
  onClose: () => void
  /** Reprints the certificate and answers what happened, in a sentence for staff. */
  onReprint: () => Promise<string>
  onWithdraw: () => void
}) {
  const { t, i18n } = useTranslation()
  const [reprinting, setReprinting] = useState(false)
  const [reprintStatus, setReprintStatus] = useState('')
  const reprint = async () => {
    setReprinting(true)
    setReprintStatus('')
    try {
      setReprintStatus(await onReprint())
    } catch (error) {
      setReprintStatus(failureMessage(error))
    } finally {
      setReprinting(false)
    }
  }
  const strokes = useLiveQuery(() => db.strokes.get(row.id), [row.id])
  const country = new Intl.DisplayNames([i18n.language], { type: 'region' }).of(row.country)
  const facts: [string, string | null][] = [
    [t('staff.table.col.time'), new Date(row.createdAt).toLocaleString(i18n.language)],
    [
      t('staff.table.col.source'),
      row.source === 'paper'
        ? t('staff.table.source.paper', { paperRef: row.paperRef })
        : t('staff.table.source.kiosk'),
    ],
    [t('review.name'), `${row.firstName} ${row.lastName}`],
    [t('review.capacity'), t(`capacity.${row.capacity}`)],
    [t('review.organisation'), row.organisationName],
    [
      t('review.organisationType'),
      row.organisationType ? t(`details.orgTypes.${row.organisationType}`) : null,
    ],
    [t('review.role'), row.role],
    [t('review.email'), row.email],
    [t('review.country'), country ?? row.country],
    [t('review.city'), row.city],
    [t('staff.table.col.consents'), consentWordsOrNone(t, row.consents)],
    [
      t('staff.table.col.sync'),
      `${t(`staff.table.sync.${row.syncState}`)}${row.syncNote ? ` · ${row.syncNote}` : ''}`,
    ],
  ]
  return (
    <Dialog
      open
      title={t('staff.detail.title', { certificateNo: row.certificateNo })}
      onClose={onClose}
    >
      <dl className="facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="facts__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {strokes && (
        <StrokesImage signature={strokes.signature} label={t('staff.detail.signature')} />
      )}
      <ConsentEditor key={row.id} signatureId={row.id} />
      <p className="details__status" role="status">
        {reprintStatus}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--danger" onClick={onWithdraw}>
          {t('staff.table.withdraw')}
        </button>
        <button
          type="button"
          className="button"
          disabled={reprinting}
          aria-busy={reprinting}
          onClick={() => void reprint()}
        >
          {reprinting ? t('staff.table.reprinting') : t('staff.table.reprint')}
        </button>
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('staff.detail.close')}
        </button>
      </div>
    </Dialog>
  )
}
