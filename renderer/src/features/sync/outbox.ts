/**
 * The sync engine's outbox in IndexedDB: which batch to send next, what to remember before and
 * after each send, and how a register answer updates the records. Every step is one
 * transaction, so a crash at any point leaves either the old or the new state.
 */
import {
  MAX_BATCH_BYTES,
  MAX_CONSENT_CHANGES_PER_BATCH,
  MAX_RECORDS_PER_BATCH,
  MAX_WITHDRAWALS_PER_BATCH,
  type BatchResponse,
  type ConsentChange as ConsentChangeInput,
} from '@shared/register-protocol'
import { encodeBatchBody } from '@shared/sync'
import { newId } from '@shared/ids'
import type { SignatureRecord, Withdrawal } from '@shared/signature'
import { loadSignatureRecords } from '../../db/save-signature'
import type {
  ConsentChange,
  KioskDB,
  OutboxBatch,
  StoredSignature,
  Tombstone,
} from '../../db/schema'

export interface BatchLimits {
  maxRecords: number
  maxWithdrawals: number
  maxBytes: number
}

/** The protocol's limits: at most 250 records, 250 withdrawals and 1 MB a batch. */
export const PROTOCOL_LIMITS: BatchLimits = {
  maxRecords: MAX_RECORDS_PER_BATCH,
  maxWithdrawals: MAX_WITHDRAWALS_PER_BATCH,
  maxBytes: MAX_BATCH_BYTES,
}

/** Keys in the `meta` table where the engine keeps what staff should see after a restart. */
export const META = {
  lastSuccessAt: 'sync.lastSuccessAt',
  lastError: 'sync.lastError',
} as const

/** The last problem the engine met, in words, as kept in `meta`. */
export interface SyncError {
  at: string
  message: string
  status: number | null
  /** True when the engine stopped sending until someone acts (a new token, "Sync now"). */
  stopped: boolean
}

/** A withdrawal's answer is kept on the tombstone, beside the fields schema v1 declared. */
type AnsweredTombstone = Tombstone & { syncedAt?: string | null; syncNote?: string | null }

const encoder = new TextEncoder()
const byteLength = (text: string) => encoder.encode(text).length

/**
 * Refusals of the kiosk rather than of one batch (a wrong token, another kiosk's token, a URL
 * that redirects): nothing else can succeed either until the credential changes.
 */
export function blocksEverything(status: number | null): boolean {
  return status !== null && (status === 401 || status === 403 || (status >= 300 && status < 400))
}

/**
 * The batch to send next: the oldest queued one (even when it is not due yet, so batches go out
 * in order), else a new one built from pending records and withdrawals that are in no unfinished
 * batch. A stopped batch is queued again once the credential it was refused with has changed.
 * Returns null when there is nothing to send, or when a refused credential blocks everything.
 */
export async function nextBatch(
  db: KioskDB,
  options: {
    kioskId: string
    credential: string
    now: Date
    limits?: BatchLimits
    newId?: () => string
    /**
     * When the batch is due, count the send about to start in the same transaction (what
     * `markAttempt` does), so the engine needs no second commit before each send.
     */
    countAttempt?: boolean
  },
): Promise<OutboxBatch | null> {
  return db.transaction(
    'rw',
    [db.batches, db.signatures, db.strokes, db.tombstones, db.consentChanges],
    async () => {
      const batch = await findOrBuildBatch(db, options)
      if (!batch || !options.countAttempt || batch.nextAttemptAt > options.now.getTime()) {
        return batch
      }
      const counted = {
        ...batch,
        attempts: batch.attempts + 1,
        lastAttemptAt: options.now.toISOString(),
      }
      await db.batches.put(counted)
      return counted
    },
  )
}

async function findOrBuildBatch(
  db: KioskDB,
  options: Parameters<typeof nextBatch>[1],
): Promise<OutboxBatch | null> {
  const limits = options.limits ?? PROTOCOL_LIMITS
  const unfinished = await db.batches.where('state').anyOf('queued', 'stopped').toArray()
  for (const batch of unfinished) {
    if (batch.state === 'stopped' && batch.stoppedCredential !== options.credential) {
      // A new token or URL since the refusal: worth one more try with the same bytes.
      batch.state = 'queued'
      batch.stoppedCredential = null
      batch.nextAttemptAt = options.now.getTime()
      await db.batches.put(batch)
    }
  }
  const queued = unfinished
    .filter((b) => b.state === 'queued')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const ready = queued.find((b) => !b.deferred)
  if (ready) return ready
  if (unfinished.some((b) => b.state === 'stopped' && blocksEverything(b.lastStatus))) {
    return null
  }
  // Only deferred suspects are left: new records go first, then the suspects again.
  const deferred = queued[0] ?? null

  const taken = new Set(
    unfinished.flatMap((b) => [...b.recordIds, ...b.withdrawalIds, ...(b.consentChangeIds ?? [])]),
  )
  // Oldest first: two changes of one signature reach the register in the order staff made them.
  const consentChanges = (
    await db.consentChanges
      .where('syncState')
      .equals('pending')
      .filter((c) => !taken.has(c.id))
      .toArray()
  )
    .sort((a, b) => a.changedAt.localeCompare(b.changedAt))
    .slice(0, MAX_CONSENT_CHANGES_PER_BATCH)
    .map(({ id, certificateNo, changedAt, consents }): ConsentChangeInput => ({
      id,
      certificateNo,
      changedAt,
      consents,
    }))
  const withdrawals = (
    await db.tombstones
      .where('syncState')
      .equals('pending')
      .filter((t) => !taken.has(t.id))
      .limit(limits.maxWithdrawals)
      .toArray()
  ).map(({ id, certificateNo, withdrawnAt }): Withdrawal => ({
    id,
    certificateNo,
    withdrawnAt,
  }))
  // In index order, not signing order: the register's answer does not depend on the order
  // within or across one kiosk's batches, and the index keeps this cheap at 100,000 records.
  // Keys only, from the index (no record read, no cursor): the few taken ones are dropped after.
  const ids = (
    await db.signatures
      .where('syncState')
      .equals('pending')
      .limit(limits.maxRecords + taken.size)
      .primaryKeys()
  )
    .filter((id) => !taken.has(id))
    .slice(0, limits.maxRecords)
  const records = await loadSignatureRecords(db, ids)
  if (records.length === 0 && withdrawals.length === 0 && consentChanges.length === 0) {
    return deferred
  }

  const batch = buildBatch({
    id: options.newId?.() ?? newId(),
    kioskId: options.kioskId,
    now: options.now,
    records,
    withdrawals,
    consentChanges,
    maxBytes: limits.maxBytes,
  })
  await db.batches.add(batch)
  return batch
}

/**
 * A batch with as many of the given records as fit in `maxBytes` (all withdrawals first: they are
 * small and erasure should not wait). A single record larger than the limit still gets a batch of
 * its own, so the register's 413 shows staff which one it is instead of blocking silently.
 */
function buildBatch(input: {
  id: string
  kioskId: string
  now: Date
  records: SignatureRecord[]
  withdrawals: Withdrawal[]
  consentChanges: ConsentChangeInput[]
  maxBytes: number
}): OutboxBatch {
  const sentAt = input.now.toISOString()
  const encode = (records: SignatureRecord[]) =>
    encodeBatchBody({
      batchId: input.id,
      kioskId: input.kioskId,
      sentAt,
      records,
      withdrawals: input.withdrawals,
      consentChanges: input.consentChanges,
    })
  // Estimate from each record's own size, then confirm with the real encoding.
  let size = byteLength(encode([]))
  let count = 0
  for (const record of input.records) {
    const next = size + byteLength(JSON.stringify(record)) + (count > 0 ? 1 : 0)
    const smallItems = input.withdrawals.length + input.consentChanges.length
    if (next > input.maxBytes && (count > 0 || smallItems > 0)) break
    size = next
    count += 1
  }
  let records = input.records.slice(0, count)
  let body = encode(records)
  while (byteLength(body) > input.maxBytes && records.length > 1) {
    records = records.slice(0, -1)
    body = encode(records)
  }
  return {
    id: input.id,
    kioskId: input.kioskId,
    recordIds: records.map((r) => r.id),
    withdrawalIds: input.withdrawals.map((w) => w.id),
    ...(input.consentChanges.length > 0
      ? { consentChangeIds: input.consentChanges.map((c) => c.id) }
      : {}),
    body,
    bytes: byteLength(body),
    createdAt: sentAt,
    attempts: 0,
    lastAttemptAt: null,
    nextAttemptAt: input.now.getTime(),
    lastError: null,
    lastStatus: null,
    state: 'queued',
    stoppedCredential: null,
    doneAt: null,
  }
}

/** What one answer did to the records, for the engine's report. */
export interface AppliedCounts {
  synced: number
  duplicate: number
  rejected: number
  withdrawn: number
  /** Consent changes the register applied. */
  consentsChanged: number
}

/**
 * Applies the register's answer in ONE transaction: each record becomes synced (with the time),
 * duplicate (with the register's certificate number) or rejected (with the reason); tombstones
 * become synced; the batch is done. Nothing is deleted: records stay on the kiosk. A record the
 * register already holds under its own certificate number (sent again after a restore from the
 * journal) counts as synced.
 */
export async function applyAnswer(
  db: KioskDB,
  batch: OutboxBatch,
  answer: BatchResponse,
  now: Date,
): Promise<AppliedCounts> {
  const at = now.toISOString()
  const counts: AppliedCounts = {
    synced: 0,
    duplicate: 0,
    rejected: 0,
    withdrawn: 0,
    consentsChanged: 0,
  }
  const changeResults = answer.consentChanges ?? []
  const tables = [db.signatures, db.tombstones, db.batches, db.meta, db.consentChanges]
  await db.transaction('rw', tables, async () => {
    const stored = await db.signatures.bulkGet(batch.recordIds)
    const updates: StoredSignature[] = []
    answer.results.forEach((result, i) => {
      const record = stored[i]
      // Withdrawn on the kiosk since the batch was built: its tombstone tells the register.
      if (!record) return
      if (result.status === 'accepted') {
        updates.push({ ...record, syncState: 'synced', syncedAt: at, syncNote: null })
        counts.synced += 1
      } else if (result.status === 'duplicate' && result.certificateNo === record.certificateNo) {
        updates.push({ ...record, syncState: 'synced', syncedAt: at, syncNote: null })
        counts.synced += 1
      } else if (result.status === 'duplicate') {
        updates.push({
          ...record,
          syncState: 'duplicate',
          syncedAt: at,
          syncNote: result.certificateNo ?? result.reason ?? null,
        })
        counts.duplicate += 1
      } else {
        updates.push({
          ...record,
          syncState: 'rejected',
          syncedAt: at,
          syncNote: result.reason ?? 'Rejected by the register (no reason given).',
        })
        counts.rejected += 1
      }
    })
    await db.signatures.bulkPut(updates)

    const tombstones = await db.tombstones.bulkGet(batch.withdrawalIds)
    const answered: AnsweredTombstone[] = []
    answer.withdrawals.forEach((result, i) => {
      const tombstone = tombstones[i]
      if (!tombstone) return
      answered.push(
        result.status === 'withdrawn'
          ? { ...tombstone, syncState: 'synced', syncedAt: at, syncNote: null }
          : { ...tombstone, syncState: 'rejected', syncedAt: at, syncNote: result.reason ?? null },
      )
      if (result.status === 'withdrawn') counts.withdrawn += 1
    })
    await db.tombstones.bulkPut(answered)

    const changeIds = batch.consentChangeIds ?? []
    const changes = await db.consentChanges.bulkGet(changeIds)
    const byId = new Map(changeResults.map((result) => [result.id, result]))
    const applied: ConsentChange[] = []
    changes.forEach((change) => {
      if (!change) return
      const result = byId.get(change.id)
      if (result?.status === 'changed') {
        applied.push({ ...change, syncState: 'changed', syncedAt: at, syncNote: null })
        counts.consentsChanged += 1
      } else {
        // No answer for it (a register that does not know consent changes yet) is a refusal too:
        // staff see it and can record the change again once the register takes them.
        const reason = result?.reason ?? 'The register did not answer this consent change.'
        applied.push({ ...change, syncState: 'rejected', syncedAt: at, syncNote: reason })
      }
    })
    await db.consentChanges.bulkPut(applied)

    await db.batches.update(batch.id, {
      state: 'done',
      doneAt: at,
      body: '',
      lastError: null,
      stoppedCredential: null,
    })
    await db.meta.put({ key: META.lastSuccessAt, value: at })
    if ((await db.batches.where('state').equals('stopped').count()) === 0) {
      await db.meta.delete(META.lastError)
    }
  })
  return counts
}

/**
 * Remembers a failed send and returns how many 5xx answers in a row the batch has had: a `retry` keeps the batch queued until `nextAttemptAt`; a `stop` parks
 * it until the credential changes or staff press "Sync now". The records stay pending.
 */
export async function recordFailure(
  db: KioskDB,
  batchId: string,
  failure: {
    kind: 'retry' | 'stop'
    reason: string
    status: number | null
    now: Date
    nextAttemptAt?: number
    credential?: string
  },
): Promise<number> {
  const at = failure.now.toISOString()
  const error: SyncError = {
    at,
    message: failure.reason,
    status: failure.status,
    stopped: failure.kind === 'stop',
  }
  return db.transaction('rw', [db.batches, db.meta], async () => {
    const batch = await db.batches.get(batchId)
    const server = isServerFailure(failure.status)
    const serverFailures = server ? (batch?.serverFailures ?? 0) + 1 : 0
    await db.batches.update(batchId, {
      lastError: failure.reason,
      lastStatus: failure.status,
      state: failure.kind === 'stop' ? 'stopped' : 'queued',
      stoppedCredential: failure.kind === 'stop' ? (failure.credential ?? null) : null,
      nextAttemptAt: failure.nextAttemptAt ?? failure.now.getTime(),
      serverFailures,
      failingSince: server ? (batch?.failingSince ?? at) : (batch?.failingSince ?? null),
    })
    await db.meta.put({ key: META.lastError, value: error })
    return serverFailures
  })
}

/** A 5xx that may come from the batch's content; 503 only says the register is busy. */
export function isServerFailure(status: number | null): boolean {
  return status !== null && status >= 500 && status <= 599 && status !== 503
}

/** What `splitFailing` did with a batch the register failed on too often. */
export type SplitResult =
  | { kind: 'split'; into: string[] }
  | { kind: 'rejected'; id: string }
  | { kind: 'deferred' }
  | { kind: 'none' }

/**
 * A batch the register answered 5xx too many times in a row, in ONE transaction: abandoned, and
 * its items (as last sent, so the register sees the same records) put into two new batches; or,
 * for a single item, that record or withdrawal marked rejected with the register's last answer.
 * A single item is only rejected once the register has accepted some batch since this failure
 * began; before that (the register may be failing for everyone) it is deferred behind new
 * batches and tried again. If the register had in fact committed the abandoned batch, the new
 * batches are answered `duplicate` under the same certificate numbers, which count as synced.
 */
export async function splitFailing(
  db: KioskDB,
  batchId: string,
  now: Date,
  newId: () => string = () => crypto.randomUUID(),
): Promise<SplitResult> {
  const at = now.toISOString()
  return db.transaction(
    'rw',
    [db.batches, db.signatures, db.tombstones, db.meta],
    async (): Promise<SplitResult> => {
      const batch = await db.batches.get(batchId)
      if (!batch || batch.state !== 'queued' || !batch.body) return { kind: 'none' }
      const sent = JSON.parse(batch.body) as {
        records: SignatureRecord[]
        withdrawals: Withdrawal[]
      }
      const reason = `The register failed ${batch.serverFailures ?? 0} times in a row on a batch with only this in it: ${
        batch.lastError ?? `status ${batch.lastStatus ?? '?'}`
      }`
      const abandon = () =>
        db.batches.update(batch.id, { state: 'abandoned', doneAt: at, body: '', deferred: false })

      const items = sent.records.length + sent.withdrawals.length
      if (items <= 1) {
        const lastSuccessAt = (await db.meta.get(META.lastSuccessAt))?.value
        const since = batch.failingSince ?? batch.createdAt
        if (typeof lastSuccessAt !== 'string' || lastSuccessAt <= since) {
          await db.batches.update(batch.id, { deferred: true, serverFailures: 0 })
          return { kind: 'deferred' }
        }
        await abandon()
        const record = sent.records[0]
        if (record) {
          const stored = await db.signatures.get(record.id)
          if (stored?.syncState === 'pending') {
            await db.signatures.put({
              ...stored,
              syncState: 'rejected',
              syncedAt: at,
              syncNote: reason,
            })
          }
          return { kind: 'rejected', id: record.id }
        }
        const withdrawal = sent.withdrawals[0]
        if (withdrawal) {
          const tombstone = await db.tombstones.get(withdrawal.id)
          if (tombstone?.syncState === 'pending') {
            const answered: AnsweredTombstone = {
              ...tombstone,
              syncState: 'rejected',
              syncedAt: at,
              syncNote: reason,
            }
            await db.tombstones.put(answered)
          }
          return { kind: 'rejected', id: withdrawal.id }
        }
        return { kind: 'none' }
      }

      await abandon()
      // Halves of the items as one list (withdrawals first, as they were sent) so that a batch of
      // two withdrawals or of one withdrawal and one record splits too.
      const all: ({ record: SignatureRecord } | { withdrawal: Withdrawal })[] = [
        ...sent.withdrawals.map((withdrawal) => ({ withdrawal })),
        ...sent.records.map((record) => ({ record })),
      ]
      const middle = Math.ceil(all.length / 2)
      const into: string[] = []
      for (const [i, part] of [all.slice(0, middle), all.slice(middle)].entries()) {
        const half = buildBatch({
          id: newId(),
          kioskId: batch.kioskId,
          // The first half is the older, so it goes first.
          now: new Date(now.getTime() + i),
          records: part.flatMap((item) => ('record' in item ? [item.record] : [])),
          withdrawals: part.flatMap((item) => ('withdrawal' in item ? [item.withdrawal] : [])),
          // The abandoned batch's consent changes are pending again and go with the next batch.
          consentChanges: [],
          maxBytes: Number.POSITIVE_INFINITY,
        })
        half.failingSince = batch.failingSince ?? at
        await db.batches.add(half)
        into.push(half.id)
      }
      return { kind: 'split', into }
    },
  )
}

/** Remembers a problem that concerns no batch (the register not answering, no token set). */
export async function recordProblem(db: KioskDB, error: SyncError): Promise<void> {
  await db.meta.put({ key: META.lastError, value: error })
}

/** "Sync now": every stopped batch is queued again and due at once. Returns how many. */
export async function releaseStopped(db: KioskDB, now: Date): Promise<number> {
  return db.transaction('rw', db.batches, async () =>
    db.batches.where('state').anyOf('queued', 'stopped').modify({
      state: 'queued',
      stoppedCredential: null,
      nextAttemptAt: now.getTime(),
    }),
  )
}
