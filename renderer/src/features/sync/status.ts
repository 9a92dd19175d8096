/**
 * What staff need to know about sync, read from IndexedDB (so it survives restarts and is the
 * same in every window) and combined with what this window's engine is doing right now.
 */
import type { KioskDB } from '../../db/schema'
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
  lastSuccessAt: string | null
  lastError: SyncError | null
}

/** Everything the staff dashboard shows about sync. */
export interface SyncStatus extends SyncFacts, EngineState {
  /** True until the first read of the database finished. */
  loading: boolean
  /** Nothing pending, no withdrawal waiting, no batch stored or on its way. */
  safeToSwitchOff: boolean
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
      db.batches.where('state').equals('queued').count(),
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
      queuedBatches: queued,
      stoppedBatches: stopped,
      lastSuccessAt: typeof lastSuccessAt === 'string' ? lastSuccessAt : null,
      lastError: isSyncError(lastError) ? lastError : null,
    }
  })
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
  return {
    ...known,
    ...engine,
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

/** Duplicates and rejections, newest answer first, at most `limit` of each. */
export async function readSyncProblems(db: KioskDB, limit = 200): Promise<SyncProblem[]> {
  const lists = await Promise.all(
    (['duplicate', 'rejected'] as const).map((state) =>
      db.signatures.where('syncState').equals(state).limit(limit).toArray(),
    ),
  )
  return lists
    .flat()
    .map((record): SyncProblem => ({
      id: record.id,
      certificateNo: record.certificateNo,
      name:
        record.capacity === 'organisation' && record.organisationName
          ? `${record.organisationName} (${record.firstName} ${record.lastName})`
          : `${record.firstName} ${record.lastName}`,
      state: record.syncState === 'duplicate' ? 'duplicate' : 'rejected',
      note: record.syncNote,
      answeredAt: record.syncedAt,
    }))
    .sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''))
}

function isSyncError(value: unknown): value is SyncError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SyncError).message === 'string' &&
    typeof (value as SyncError).at === 'string'
  )
}
