import { liveQuery } from 'dexie'
import type { KioskApi } from '@shared/api'
import { flushJournalQueue } from './journal-sync'
import type { KioskDB } from './schema'

type JournalApi = Parameters<typeof flushJournalQueue>[1]

/**
 * Writes each new audit line to the on-disk journal soon after it is added (an unlock, an
 * export, a settings change), not only at the next save: a profile wiped in between keeps it.
 * A failed write stays for the next flush. One watcher per database; answers the function that
 * stops it.
 */
export function journalAuditAsWritten(
  db: KioskDB,
  api: JournalApi & Pick<KioskApi, 'appendJournal'>,
): () => void {
  const running = watchers.get(db)
  if (running) return running
  let last: number | undefined
  const subscription = liveQuery(async () => (await db.audit.orderBy(':id').last())?.id).subscribe({
    next: (id) => {
      if (id === undefined || id === last) return
      last = id
      flushJournalQueue(db, api).catch((error: unknown) =>
        console.warn('The audit log could not be written to the journal yet', error),
      )
    },
    error: (error: unknown) => console.warn('Stopped journaling the audit log', error),
  })
  const stop = () => {
    subscription.unsubscribe()
    watchers.delete(db)
  }
  watchers.set(db, stop)
  return stop
}

const watchers = new WeakMap<KioskDB, () => void>()
