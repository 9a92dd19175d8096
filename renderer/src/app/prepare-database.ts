import type { PublicSettings } from '@shared/settings'
import { db } from '../db'
import { flushJournalQueue, restoreFromJournal } from '../db/journal-sync'
import { requestPersistentStorage } from '../db/storage'
import { api } from '../lib/api'

/**
 * Before the first visitor: ask for persistent storage, restore anything the on-disk journal has
 * that IndexedDB lost (so certificate numbers continue after the highest one), and write any
 * saved signature the journal has not confirmed yet.
 */
export async function prepareDatabase(settings: PublicSettings): Promise<void> {
  await requestPersistentStorage(db)
  await restoreFromJournal(db, api, settings)
  await flushJournalQueue(db, api)
}
