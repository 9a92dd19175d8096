import type { KioskDB } from './schema'

export interface StorageHealth {
  persisted: boolean
  usage: number | null
  quota: number | null
}

/**
 * Asks the browser to keep this origin's storage under pressure (`navigator.storage.persist()`)
 * and records the answer, so staff can see whether eviction is possible.
 */
export async function requestPersistentStorage(db: KioskDB): Promise<StorageHealth> {
  const storage = navigator.storage
  const persisted = storage?.persist ? await storage.persist().catch(() => false) : false
  const estimate = storage?.estimate ? await storage.estimate().catch(() => null) : null
  const previous = (await db.meta.get('persistentStorage'))?.value
  if (previous !== persisted) {
    await db.transaction('rw', [db.meta, db.audit], async () => {
      await db.meta.put({ key: 'persistentStorage', value: persisted })
      await db.audit.add({
        at: new Date().toISOString(),
        action: 'storage-persistence',
        detail: persisted ? 'Persistent storage granted' : 'Persistent storage NOT granted',
      })
    })
  }
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null }
}
