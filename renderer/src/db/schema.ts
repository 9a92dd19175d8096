/**
 * The kiosk's IndexedDB database, declared once. Versions are numbered and never edited once
 * released: a change adds a version with its `.upgrade()`. Keep the unsent queue intact across
 * upgrades (tested in schema.test.ts).
 */
import { Dexie, type EntityTable } from 'dexie'
import { organisationKey } from '@shared/normalise'
import type { SignatureRecord, SignatureStrokes } from '@shared/signature'
import type { AuditEntry } from './audit-entry'
import { countInto } from '@shared/dashboard-count-keys'
import { COUNTS_TABLE, dashboardCountsMiddleware, type CountRow } from './dashboard-counts'

export type SyncState = 'pending' | 'synced' | 'duplicate' | 'rejected'

/**
 * A live signature: the register record without its drawn strokes, plus the kiosk's own
 * bookkeeping. Strokes live in their own table so that listing 100,000 signatures stays light.
 */
export interface StoredSignature extends Omit<SignatureRecord, 'signature'> {
  /** Normalised email, for the local duplicate check; null when none given. */
  emailKey: string | null
  /** Normalised organisation name + country; null for individuals. */
  orgKey: string | null
  syncState: SyncState
  syncedAt: string | null
  /** Why the register rejected it, or the register's certificate number of the earlier duplicate. */
  syncNote: string | null
  printedAt: string | null
  /**
   * When retention purged its personal data (names, email, city, role, organisation name,
   * strokes); absent or null while it holds them. Not indexed: no schema version needed.
   */
  purgedAt?: string | null
}

/** The drawn signature of one stored signature (same id). */
export interface StoredStrokes {
  id: string
  signature: SignatureStrokes
}

/** What is left of a withdrawn signature: enough to tell the register and never restore it. */
export interface Tombstone {
  id: string
  certificateNo: string
  withdrawnAt: string
  /**
   * The withdrawn signature's event day, so the signing day's export lists the withdrawal as well
   * as the day it happened. Not indexed (no schema change; tombstones are few); absent on
   * tombstones written before it was kept.
   */
  signedDay?: string
  syncState: SyncState
  /** When the on-disk journal recorded the withdrawal; until then it is retried at start. */
  journaledAt?: string | null
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

/**
 * One outbox batch of the sync engine. The body is stored before the first send and sent again
 * byte for byte on every retry, across restarts, so the register (which keys batches by id) can
 * apply it only once. A batch is never rebuilt with other content under the same id.
 * - `queued`: waiting to be sent or retried at `nextAttemptAt`;
 * - `stopped`: the register refused it (a revoked token, a 4xx); waits for a new token or staff;
 * - `done`: answered; its body is dropped to save space (the records keep their own state).
 */
export interface OutboxBatch {
  /** The protocol's batchId (a UUID). */
  id: string
  kioskId: string
  recordIds: string[]
  withdrawalIds: string[]
  /** Consent changes in this batch (absent in batches made before schema v5). */
  consentChangeIds?: string[]
  /** The exact request body (JSON); emptied once the batch is done. */
  body: string
  /** Size of the body in bytes (UTF-8), kept after the body is dropped. */
  bytes: number
  createdAt: string
  /** Sends started, counted before each send so that one cut short by a crash counts too. */
  attempts: number
  lastAttemptAt: string | null
  /** Epoch milliseconds before which the batch is not sent again (backoff, Retry-After). */
  nextAttemptAt: number
  lastError: string | null
  /** HTTP status of the last refusal or failure, null for network failures. */
  lastStatus: number | null
  /**
   * `abandoned`: the register failed on it again and again (5xx), so its items went into smaller
   * batches or, alone, were marked rejected; it is never sent again.
   */
  state: 'queued' | 'stopped' | 'done' | 'abandoned'
  /** 5xx answers in a row (not 503, which means busy); absent in batches stored before. */
  serverFailures?: number
  /** When this batch, or the batch it was split from, first got a 5xx (ISO), or null. */
  failingSince?: string | null
  /**
   * A single item the register failed on before it had accepted anything else: other batches go
   * first, and it is only marked rejected once the register has shown it can take other batches.
   */
  deferred?: boolean
  /** For a stopped batch: the register credential (URL + token fingerprint) that was refused. */
  stoppedCredential: string | null
  doneAt: string | null
}

/**
 * A change of a signatory's optional consents that staff recorded on request (stop the
 * newsletter, hide the name…), queued for the register like a withdrawal. The local record is
 * changed at once; this entry carries the change to the register in the next batch.
 */
export interface ConsentChange {
  /** The protocol's consent change id (a UUID). */
  id: string
  /** The signature it changes. */
  signatureId: string
  certificateNo: string
  changedAt: string
  consents: { newsletter: boolean; publishName: boolean; localStory: boolean; localEvents: boolean }
  /** pending → changed (the register applied it) or rejected (with `syncNote`). */
  syncState: 'pending' | 'changed' | 'rejected'
  syncedAt: string | null
  syncNote: string | null
}

export interface MetaEntry {
  key: string
  value: unknown
}

export class KioskDB extends Dexie {
  signatures!: EntityTable<StoredSignature, 'id'>
  strokes!: EntityTable<StoredStrokes, 'id'>
  tombstones!: EntityTable<Tombstone, 'id'>
  counters!: EntityTable<Counter, 'key'>
  journalQueue!: EntityTable<JournalQueueEntry, 'id'>
  audit!: EntityTable<AuditEntry, 'id'>
  meta!: EntityTable<MetaEntry, 'key'>
  batches!: EntityTable<OutboxBatch, 'id'>
  consentChanges!: EntityTable<ConsentChange, 'id'>
  dashboardCounts!: EntityTable<CountRow, 'key'>

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
    // v2: drawn strokes move to their own table; the signatures table keeps every other field.
    this.version(2)
      .stores({ strokes: 'id' })
      .upgrade(async (tx) => {
        const signatures = tx.table<StoredSignature & { signature?: SignatureStrokes }, string>(
          'signatures',
        )
        const drawn = await signatures.filter((record) => record.signature !== undefined).toArray()
        await tx
          .table<StoredStrokes, string>('strokes')
          .bulkPut(drawn.map((record) => ({ id: record.id, signature: record.signature! })))
        await signatures.toCollection().modify((record) => {
          delete record.signature
        })
      })
    // v3: the sync engine's outbox. A new table only: records and tombstones stay as they are,
    // pending ones remain pending (tested in features/sync/outbox-upgrade.test.ts).
    this.version(3).stores({ batches: 'id, state, createdAt' })
    // v5: consent changes staff record on request, queued for the register. A new table only:
    // nothing to migrate, and every earlier table (the unsent queue included) is kept as it is.
    this.version(5).stores({ consentChanges: 'id, signatureId, certificateNo, syncState' })
    // v6: organisation keys fold the letters NFKD leaves whole (đ ø æ œ ß ħ ł ı þ ð), as the
    // search does (foldForSearch): keys stored before are recomputed, so "Ostergaard ApS" is
    // caught as a duplicate of an "Østergaard ApS" saved before the upgrade. Same indexes.
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table<StoredSignature, string>('signatures')
          .filter((record) => record.orgKey !== null && Boolean(record.organisationName))
          .modify((record) => {
            record.orgKey = organisationKey(record.organisationName!, record.country)
          })
      })
    // v7: paper forms staff key in carry their form's reference number, indexed for the check
    // that one reference is keyed in once. Kiosk records have none and stay out of the index;
    // no record changes, so there is nothing to upgrade.
    this.version(7).stores({
      signatures:
        'id, &certificateNo, createdAt, day, capacity, organisationType, country, syncState, emailKey, orgKey, paperRef',
    })
    // v8: the dashboard's counters (kept by dashboardCountsMiddleware in every write's own
    // transaction), filled once here from the existing rows; and an index that pages the
    // duplicates and rejections newest answer first.
    this.version(8)
      .stores({
        signatures:
          'id, &certificateNo, createdAt, day, capacity, organisationType, country, syncState, emailKey, orgKey, paperRef, [syncState+syncedAt+id]',
        [COUNTS_TABLE]: 'key',
      })
      .upgrade(async (tx) => {
        const found = new Map<string, number>()
        await tx.table<StoredSignature, string>('signatures').each((record) => {
          countInto(found, record)
        })
        const counts = tx.table<CountRow, string>(COUNTS_TABLE)
        await counts.clear()
        await counts.bulkPut([...found].map(([key, value]) => ({ key, value })))
      })
    this.use(dashboardCountsMiddleware)
  }
}
