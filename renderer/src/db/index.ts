import { KioskDB } from './schema'

/** The kiosk's one database connection. */
export const db = new KioskDB()

export type { StoredSignature, Tombstone, SyncState } from './schema'
