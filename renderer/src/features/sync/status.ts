/**
 * What staff need to know about sync, read from IndexedDB (so it survives restarts and is the
 * same in every window) and combined with what this window's engine is doing right now.
 */
import type { KioskDB, OutboxBatch, StoredSignature } from '../../db/schema'
import type { EngineState } from './engine'
import { META, type SyncError } from './outbox'

/** Facts kept in the database. */
export interface SyncFacts {
  /** Signatures not yet answered by the register. */
  pending: number
  synced: number
  duplicate: number
  rejected: number
  /** Withdrawals the register has not confirmed yet. */
  pendingWithdrawals: number
  /** Consent changes the register has not answered yet (absent: none known). */
  pendingConsentChanges?: number
  /** Batches stored and waiting to be sent or retried. */
  queuedBatches: number
  /** Batches the register refused; they wait for a new token or "Sync now". */
  stoppedBatches: number
  /** When the oldest queued batch may be sent again (epoch ms; its backoff), or null. */
  batchDueAt?: number | null
  lastSuccessAt: string | null
  lastError: SyncError | null
}

/** Everything the staff dashboard shows about sync. */
export interface SyncStatus extends SyncFacts, EngineState {
  /** True until the first read of the database finished. */
  loading: boolean
  /** Nothing pending, no withdrawal waiting, no batch stored or on its way. */
  safeToSwitchOff: boolean
  /**
   * When the next send will be tried (epoch ms): the queued batch's backoff when it waits longer
   * than this window's engine (which may only be polling, or waiting for another window), else
   * the engine's next run; null when nothing is scheduled.
   */
  nextAttemptAt: number | null
}

/**
 * Reads the facts in one read transaction: the signatures' counts from the counters every write
 * keeps (`dashboardCounts`), the few batches, tombstones and consent changes from their indexes.
 */
export async function readSyncFacts(db: KioskDB): Promise<SyncFacts> {
  const tables = [db.dashboardCounts, db.tombstones, db.batches, db.meta, db.consentChanges]
  return db.transaction('r', tables, async () => {
    const states = ['pending', 'synced', 'duplicate', 'rejected'] as const
    const [counts, pendingWithdrawals, queued, stopped, changes] = await Promise.all([
      db.dashboardCounts.bulkGet(states.map((state) => `state:${state}`)),
      db.tombstones.where('syncState').equals('pending').count(),
      db.batches.where('state').equals('queued').toArray(),
      db.batches.where('state').equals('stopped').count(),
      db.consentChanges.where('syncState').equals('pending').count(),
    ])
    const [pending, synced, duplicate, rejected] = counts.map((row) => row?.value ?? 0) as [
      number,
      number,
      number,
      number,
    ]
    const lastSuccessAt = (await db.meta.get(META.lastSuccessAt))?.value
    const lastError = (await db.meta.get(META.lastError))?.value
    return {
      pending,
      synced,
      duplicate,
      rejected,
      pendingWithdrawals,
      pendingConsentChanges: changes,
      queuedBatches: queued.length,
      stoppedBatches: stopped,
      batchDueAt: oldestDue(queued),
      lastSuccessAt: typeof lastSuccessAt === 'string' ? lastSuccessAt : null,
      lastError: isSyncError(lastError) ? lastError : null,
    }
  })
}

/** The backoff of the batch the engine sends next: the oldest queued one that is not deferred. */
function oldestDue(queued: OutboxBatch[]): number | null {
  const next = [...queued]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .find((batch) => !batch.deferred)
  return next?.nextAttemptAt ?? null
}

/** The facts plus the engine's state, and the one answer staff ask for before switching off. */
export function combineStatus(facts: SyncFacts | undefined, engine: EngineState): SyncStatus {
  const known: SyncFacts = facts ?? {
    pending: 0,
    synced: 0,
    duplicate: 0,
    rejected: 0,
    pendingWithdrawals: 0,
    queuedBatches: 0,
    stoppedBatches: 0,
    lastSuccessAt: null,
    lastError: null,
  }
  const due = known.batchDueAt ?? null
  return {
    ...known,
    ...engine,
    nextAttemptAt:
      engine.nextRunAt === null
        ? due
        : due === null
          ? engine.nextRunAt
          : Math.max(due, engine.nextRunAt),
    loading: facts === undefined,
    safeToSwitchOff:
      facts !== undefined &&
      known.pending === 0 &&
      known.pendingWithdrawals === 0 &&
      (known.pendingConsentChanges ?? 0) === 0 &&
      known.queuedBatches === 0 &&
      known.stoppedBatches === 0 &&
      !engine.sending,
  }
}

/** A signature the register did not simply accept, for the staff lists. */
export interface SyncProblem {
  id: string
  certificateNo: string
  name: string
  state: 'duplicate' | 'rejected'
  /** The register's certificate number of the earlier signature, or why it was rejected. */
  note: string | null
  answeredAt: string | null
}

/** Where a page of problems starts: the index key of the row next to it. */
export type ProblemPageKey = [state: 'duplicate' | 'rejected', answeredAt: string, id: string]

/** Which page: the newest, or the one older than (after) or newer than (before) a row. */
export type ProblemPageStart =
  | { from: 'newest' }
  | { from: 'after'; key: ProblemPageKey }
  | { from: 'before'; key: ProblemPageKey }

/** One page of a problem list, newest answer first, and whether there is more either side. */
export interface ProblemPage {
  rows: SyncProblem[]
  /** How many there are in all (from the counters). */
  total: number
  newer: ProblemPageKey | null
  older: ProblemPageKey | null
}

export const PROBLEM_PAGE_SIZE = 50

const INDEX = '[syncState+syncedAt+id]'

/**
 * A page of duplicates or rejections by keyset on the `[syncState+syncedAt+id]` index: reads
 * at most one page and one row, however long the list (38,000 duplicates after a big sync).
 */
export async function readProblemPage(
  db: KioskDB,
  state: 'duplicate' | 'rejected',
  start: ProblemPageStart,
  size = PROBLEM_PAGE_SIZE,
): Promise<ProblemPage> {
  return db.transaction('r', [db.signatures, db.dashboardCounts], async () => {
    // Answer times (ISO) and ids are plain ASCII strings: '' and U+FFFF bound them.
    const lowest = [state, '', '']
    const highest = [state, '\uffff', '\uffff']
    const index = db.signatures.where(INDEX)
    let records: StoredSignature[]
    let moreNewer: boolean
    let moreOlder: boolean
    if (start.from === 'before') {
      const found = await index
        .between(start.key, highest, false, true)
        .limit(size + 1)
        .toArray()
      moreNewer = found.length > size
      moreOlder = true
      records = found.slice(0, size).reverse()
    } else {
      const upper = start.from === 'after' ? start.key : highest
      const found = await index
        .between(lowest, upper, true, start.from !== 'after')
        .reverse()
        .limit(size + 1)
        .toArray()
      moreOlder = found.length > size
      moreNewer = start.from === 'after'
      records = found.slice(0, size)
    }
    const total = (await db.dashboardCounts.get(`state:${state}`))?.value ?? 0
    const keyOf = (record: StoredSignature): ProblemPageKey => [
      state,
      record.syncedAt ?? '',
      record.id,
    ]
    const first = records[0]
    const last = records[records.length - 1]
    return {
      rows: records.map(toProblem),
      total,
      newer: moreNewer && first ? keyOf(first) : null,
      older: moreOlder && last ? keyOf(last) : null,
    }
  })
}

/** Duplicates and rejections, newest answer first: the newest page of each. */
export async function readSyncProblems(
  db: KioskDB,
  size = PROBLEM_PAGE_SIZE,
): Promise<SyncProblem[]> {
  const pages = await Promise.all(
    (['duplicate', 'rejected'] as const).map((state) =>
      readProblemPage(db, state, { from: 'newest' }, size),
    ),
  )
  return pages
    .flatMap((page) => page.rows)
    .sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''))
}

function toProblem(record: StoredSignature): SyncProblem {
  return {
    id: record.id,
    certificateNo: record.certificateNo,
    name:
      record.capacity === 'organisation' && record.organisationName
        ? `${record.organisationName} (${record.firstName} ${record.lastName})`
        : `${record.firstName} ${record.lastName}`,
    state: record.syncState === 'duplicate' ? 'duplicate' : 'rejected',
    note: record.syncNote,
    answeredAt: record.syncedAt,
  }
}

function isSyncError(value: unknown): value is SyncError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SyncError).message === 'string' &&
    typeof (value as SyncError).at === 'string'
  )
}
