/**
 * The kiosk's IndexedDB database, declared once. Versions are numbered and never edited once
 * released: a change adds a version with its `.upgrade()`. Keep the unsent queue intact across
 * upgrades (tested in schema.test.ts).
 */
import { Dexie, type EntityTable } from 'dexie'
import type { SignatureRecord } from '@shared/signature'
import type { AuditEntry } from './audit-entry'

export type SyncState = 'pending' | 'synced' | 'duplicate' | 'rejected'

/** A live signature: the register record plus the kiosk's own bookkeeping. */
export interface StoredSignature extends SignatureRecord {
  /** Normalised email, for the local duplicate check; null when none given. */
  emailKey: string | null
  /** Normalised organisation name + country; null for individuals. */
  orgKey: string | null
  syncState: SyncState
  syncedAt: string | null
  /** Why the register rejected it, or the register's certificate number of the earlier duplicate. */
  syncNote: string | null
  printedAt: string | null
}

/** What is left of a withdrawn signature: enough to tell the register and never restore it. */
export interface Tombstone {
  id: string
  certificateNo: string
  withdrawnAt: string
  syncState: SyncState
}

export interface Counter {
  /** `<eventCode>-<kioskId>`: one certificate sequence per kiosk and event. */
  key: string
  value: number
}

/** Saved signatures whose on-disk journal line is not confirmed yet (retried at start). */
export interface JournalQueueEntry {
  id: string
}

export interface MetaEntry {
  key: string
  value: unknown
}

export class KioskDB extends Dexie {
  signatures!: EntityTable<StoredSignature, 'id'>
  tombstones!: EntityTable<Tombstone, 'id'>
  counters!: EntityTable<Counter, 'key'>
  journalQueue!: EntityTable<JournalQueueEntry, 'id'>
  audit!: EntityTable<AuditEntry, 'id'>
  meta!: EntityTable<MetaEntry, 'key'>

  constructor(name = 'cohesion-kiosk') {
    // Strict durability: a commit is on disk before "saved" is shown, even if the browser dies next.
    super(name, { chromeTransactionDurability: 'strict' })
    this.version(1).stores({
      signatures:
        'id, &certificateNo, createdAt, day, capacity, organisationType, country, syncState, emailKey, orgKey',
      tombstones: 'id, &certificateNo, withdrawnAt, syncState',
      counters: 'key',
      journalQueue: 'id',
      audit: '++id, at, action',
      meta: 'key',
    })
  }
}
