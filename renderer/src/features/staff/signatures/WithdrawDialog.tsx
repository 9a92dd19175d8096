import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import { failureMessage } from '../../../lib/failure-message'
import type { SignatureRow } from './signature-rows'
import { withdrawSignature } from './withdraw'

/**
 * Asks before a signature is withdrawn, then withdraws it and reports in the table's notice; lists
 * the kiosk's export folders that still hold the person.
 */
export function WithdrawDialog(props: {
  row: SignatureRow | null
  onClose: () => void
  onNotice: (notice: string) => void
}) {
  const { t } = useTranslation()
  const [erased, setErased] = useState<{ certificateNo: string; folders: string[] } | null>(null)
  return (
    <>
      <Dialog
        open={props.row !== null}
        role="alertdialog"
        title={t('staff.withdraw.title', { certificateNo: props.row?.certificateNo ?? '' })}
        onClose={props.onClose}
      >
        <p>{t('staff.withdraw.body')}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('staff.withdraw.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger-solid"
            onClick={() => {
              const row = props.row
              props.onClose()
              if (!row) return
              void withdrawSignature(db, api, row.id).then(
                ({ certificateNo, erasure }) => {
                  props.onNotice(t('staff.withdraw.done', { certificateNo }))
                  if (erasure.exportFolders.length)
                    setErased({ certificateNo, folders: erasure.exportFolders })
                },
                (error: unknown) => props.onNotice(failureMessage(error)),
              )
            }}
          >
            {t('staff.withdraw.confirm')}
          </button>
        </div>
      </Dialog>
      {/* Export folders on the kiosk's own disk still hold the person: staff redo or destroy them. */}
      <Dialog
        open={erased !== null}
        role="alertdialog"
        title={t('staff.withdraw.exportsTitle', { certificateNo: erased?.certificateNo ?? '' })}
        onClose={() => setErased(null)}
      >
        <p>{t('staff.withdraw.exportsBody', { count: erased?.folders.length ?? 0 })}</p>
        <ul>
          {erased?.folders.map((folder) => (
            <li key={folder}>
              <code>{folder}</code>
            </li>
          ))}
        </ul>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setErased(null)}>
            {t('staff.withdraw.exportsClose')}
          </button>
        </div>
      </Dialog>
    </>
  )
}
