import { useState } from 'react'
import { syncNow } from './start-sync'
import { PROBLEM_PAGE_SIZE, type ProblemPage, type ProblemPageStart } from './status'
import { SyncPanelView, type ProblemListPage } from './SyncPanelView'
import { useProblemPage, useSyncStatus } from './useSyncStatus'

/**
 * The staff dashboard's sync card: whether it is safe to switch the kiosk off, what is pending,
 * synced, duplicate or rejected and why (paged lists), the last problem in words, and "Sync now".
 * Mount it anywhere inside the unlocked staff console: `<SyncPanel />`.
 */
export function SyncPanel() {
  const status = useSyncStatus()
  const duplicates = usePagedProblems('duplicate')
  const rejected = usePagedProblems('rejected')
  const [busy, setBusy] = useState(false)
  const onSyncNow = () => {
    setBusy(true)
    void syncNow().finally(() => setBusy(false))
  }
  return (
    <SyncPanelView
      status={status}
      duplicates={duplicates}
      rejected={rejected}
      busy={busy}
      onSyncNow={onSyncNow}
    />
  )
}

/** One problem list's page, where it starts in the list, and the moves to its neighbours. */
function usePagedProblems(state: 'duplicate' | 'rejected'): ProblemListPage | undefined {
  const [at, setAt] = useState<{ start: ProblemPageStart; offset: number }>({
    start: { from: 'newest' },
    offset: 0,
  })
  const page: ProblemPage | undefined = useProblemPage(state, at.start)
  if (!page) return undefined
  return {
    ...page,
    offset: at.offset,
    onNewer: page.newer
      ? () => {
          const offset = Math.max(0, at.offset - PROBLEM_PAGE_SIZE)
          setAt({
            start: offset === 0 ? { from: 'newest' } : { from: 'before', key: page.newer! },
            offset,
          })
        }
      : null,
    onOlder: page.older
      ? () =>
          setAt({
            start: { from: 'after', key: page.older! },
            offset: at.offset + page.rows.length,
          })
      : null,
  }
}
