import { useState } from 'react'
import { syncNow } from './start-sync'
import { SyncPanelView } from './SyncPanelView'
import { useSyncProblems, useSyncStatus } from './useSyncStatus'

/**
 * The staff dashboard's sync card: whether it is safe to switch the kiosk off, what is pending,
 * synced, duplicate or rejected and why, the last problem in words, and "Sync now".
 * Mount it anywhere inside the unlocked staff console: `<SyncPanel />`.
 */
export function SyncPanel() {
  const status = useSyncStatus()
  const problems = useSyncProblems()
  const [busy, setBusy] = useState(false)
  const onSyncNow = () => {
    setBusy(true)
    void syncNow().finally(() => setBusy(false))
  }
  return (
    <SyncPanelView status={status} problems={problems ?? []} busy={busy} onSyncNow={onSyncNow} />
  )
}
