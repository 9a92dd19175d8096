import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { db } from '../../../db'
import { purgeConfirmed, unconfirmedCount } from '../../../db/retention'
import { api } from '../../../lib/api'
import { failureMessage } from '../../../lib/failure-message'
import { StatusLine, type Status } from './settings-parts'

/**
 * Staff's "Purge now": the personal data of every signature the register confirmed leaves the
 * kiosk at once, without waiting for the retention period. Only once nothing waits for the
 * register, so nothing unsent is lost.
 */
export function PurgeNow({ retentionDays }: { retentionDays: number }) {
  const { t } = useTranslation()
  const waiting = useLiveQuery(() => unconfirmedCount(db), [])
  const [status, setStatus] = useState<Status>(null)
  const [busy, setBusy] = useState(false)
  const reasonId = useId()
  const blocked = waiting === undefined || waiting > 0
  const purge = async () => {
    setBusy(true)
    setStatus(null)
    try {
      const count = await purgeConfirmed(db, api, { retentionDays, everyConfirmed: true })
      setStatus({ kind: 'ok', text: t('staff.settings.purged', { count }) })
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('staff.settings.purgeFailed', { message: failureMessage(error) }),
      })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="settings__purge">
      <button
        type="button"
        className="button button--danger"
        disabled={blocked || busy}
        aria-describedby={reasonId}
        onClick={() => void purge()}
      >
        {t('staff.settings.purgeNow')}
      </button>
      <p id={reasonId} className="muted">
        {waiting
          ? t('staff.settings.purgeWaiting', { count: waiting })
          : t('staff.settings.purgeHint')}
      </p>
      <StatusLine status={status} />
    </div>
  )
}
