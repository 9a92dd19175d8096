import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportResult } from '@shared/export-jobs'
import type { PublicSettings } from '@shared/settings'
import { Dialog } from '../../../components/Dialog'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import {
  createCertificates,
  inCertificateOrder,
  selectionLabel,
  type CertificatesJob,
} from './bulk-certificates'
import { exportSelection } from './day-export'
import { clearJob, runJob, useJob, type JobKind } from './job-store'
import { EncryptionNotice, encryptionChoice } from './EncryptionNotice'
import { CertificatesJobStatus, ExportJobStatus } from './JobStatus'
import { useExportFolder } from './useExportFolder'

interface Props {
  /** The selected table rows. */
  selected: readonly { id: string; certificateNo: string }[]
  settings: Pick<PublicSettings, 'exportPublicKey'>
}

type Open = Extract<JobKind, 'selection-certificates' | 'selection-export'> | null

/** The table's bulk actions: one PDF of the selected rows' certificates, or an export of them. */
export function BulkActions({ selected, settings }: Props) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState<Open>(null)
  const destination = useExportFolder()
  const certificates = useJob<CertificatesJob>('selection-certificates')
  const exported = useJob<ExportResult>('selection-export')
  const number = new Intl.NumberFormat(i18n.language)
  const folder = destination.chosen ? { folder: destination.chosen } : {}

  const printAll = () => {
    setOpen('selection-certificates')
    void runJob('selection-certificates', (control) =>
      createCertificates(db, api, {
        ...control,
        ...folder,
        ids: inCertificateOrder(selected),
        label: selectionLabel(),
      }),
    )
  }
  const [plainConfirmed, setPlainConfirmed] = useState(false)
  const encryption = encryptionChoice(settings.exportPublicKey, plainConfirmed)
  const startExport = (unencrypted: boolean) =>
    void runJob('selection-export', (control) =>
      exportSelection(db, api, {
        ...control,
        ...folder,
        ids: inCertificateOrder(selected),
        ...(unencrypted ? { unencrypted: true as const } : {}),
      }),
    )
  // Without the organisers' key the dialog first says so and waits for staff to confirm.
  const exportAll = () => {
    setOpen('selection-export')
    setPlainConfirmed(false)
    if (settings.exportPublicKey) startExport(false)
    else clearJob('selection-export')
  }
  const state = open === 'selection-export' ? exported : certificates
  const running = state.status === 'running'
  const close = () => {
    if (running || !open) return
    clearJob(open)
    setOpen(null)
  }

  return (
    <>
      <button
        type="button"
        className="button button--small button--primary"
        disabled={certificates.status === 'running'}
        onClick={printAll}
      >
        {t('staff.table.printSelected', { count: selected.length })}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={exported.status === 'running'}
        onClick={exportAll}
      >
        {t('staff.table.exportSelected')}
      </button>
      <Dialog
        open={open !== null}
        title={
          open === 'selection-export'
            ? t('staff.bulk.exportTitle', { formatted: number.format(selected.length) })
            : t('staff.bulk.printTitle', {
                count: selected.length,
                formatted: number.format(selected.length),
              })
        }
        onClose={close}
      >
        <p className="muted">
          {t('staff.bulk.destination', { folder: destination.folder ?? '…' })}
        </p>
        {open === 'selection-export' ? (
          <>
            {!settings.exportPublicKey && exported.status === 'idle' && (
              <>
                <EncryptionNotice
                  publicKey=""
                  confirmed={plainConfirmed}
                  onConfirm={setPlainConfirmed}
                />
                <button
                  type="button"
                  className="button button--primary"
                  disabled={!encryption.ready}
                  onClick={() => startExport(true)}
                >
                  {t('staff.bulk.exportPlain')}
                </button>
              </>
            )}
            <ExportJobStatus kind="selection-export" selection />
          </>
        ) : (
          <CertificatesJobStatus
            kind="selection-certificates"
            download={!destination.info?.canChoose}
          />
        )}
        <div className="dialog__actions">
          <button type="button" className="button" disabled={running} onClick={close}>
            {t('staff.bulk.close')}
          </button>
        </div>
      </Dialog>
    </>
  )
}
