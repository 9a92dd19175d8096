import type { KioskApi } from '@shared/api'
import type { PurgedRecord } from '@shared/journal'
import type { KioskDB, StoredSignature } from './schema'

const DAY_MS = 24 * 60 * 60 * 1000
const CHUNK = 1_000

type PurgeApi = Pick<KioskApi, 'purgeJournal'>

/** A stored signature with its personal data removed; numbers, kind, country, consents stay. */
export function purgedStored(record: PurgedRecord): StoredSignature {
  return {
    id: record.id,
    certificateNo: record.certificateNo,
    kioskId: record.kioskId,
    eventCode: record.eventCode,
    createdAt: record.createdAt,
    day: record.day,
    language: record.language,
    capacity: record.capacity,
    organisationType: record.organisationType,
    country: record.country,
    consents: record.consents,
    ...paperFields(record),
    organisationName: null,
    role: null,
    firstName: '',
    lastName: '',
    email: null,
    city: null,
    emailKey: null,
    orgKey: null,
    syncState: record.syncState,
    syncedAt: record.syncedAt,
    syncNote: null,
    printedAt: null,
    purgedAt: record.purgedAt,
  }
}

function toPurged(stored: StoredSignature, purgedAt: string): PurgedRecord | null {
  if (stored.syncState !== 'synced' && stored.syncState !== 'duplicate') return null
  if (!stored.syncedAt) return null
  const { id, certificateNo, kioskId, eventCode, createdAt, day, language, capacity } = stored
  const { organisationType, country, consents, syncState, syncedAt } = stored
  return {
    id,
    certificateNo,
    kioskId,
    eventCode,
    createdAt,
    day,
    language,
    capacity,
    organisationType,
    country,
    consents,
    ...paperFields(stored),
    syncState,
    syncedAt,
    purgedAt,
  }
}

/** A paper form's source and reference (not personal data: they stay); nothing for a kiosk one. */
function paperFields(record: Pick<StoredSignature, 'source' | 'paperRef'>) {
  return {
    ...(record.source ? { source: record.source } : {}),
    ...(record.paperRef ? { paperRef: record.paperRef } : {}),
  }
}

/** Signatures and withdrawals the register has not confirmed yet (Purge now waits for them). */
export async function unconfirmedCount(db: KioskDB): Promise<number> {
  const [records, tombstones] = await Promise.all([
    db.signatures.where('syncState').equals('pending').count(),
    db.tombstones.where('syncState').equals('pending').count(),
  ])
  return records + tombstones
}

/**
 * Retention: purges the personal data of signatures the register confirmed (accepted or
 * duplicate) at least `retentionDays` ago, or all confirmed ones with `everyConfirmed` (staff's
 * Purge now). The journal is purged first, so that a wiped profile can never bring back what
 * IndexedDB has purged; a failure leaves the rest for the next run. Answers how many were purged.
 */
export async function purgeConfirmed(
  db: KioskDB,
  api: PurgeApi,
  options: { retentionDays: number; now?: Date; everyConfirmed?: boolean },
): Promise<number> {
  const now = options.now ?? new Date()
  const purgedAt = now.toISOString()
  const cutoff = options.everyConfirmed
    ? purgedAt
    : new Date(now.getTime() - options.retentionDays * DAY_MS).toISOString()
  const due = await db.signatures
    .where('syncState')
    .anyOf('synced', 'duplicate')
    .filter((record) => !record.purgedAt && record.syncedAt !== null && record.syncedAt <= cutoff)
    .primaryKeys()
  let purged = 0
  for (let start = 0; start < due.length; start += CHUNK) {
    const ids = due.slice(start, start + CHUNK)
    const records = (await db.signatures.bulkGet(ids)).flatMap((stored) => {
      const record = stored && !stored.purgedAt ? toPurged(stored, purgedAt) : null
      return record ? [record] : []
    })
    if (records.length === 0) continue
    await api.purgeJournal({ records })
    await db.transaction('rw', [db.signatures, db.strokes, db.journalQueue], async () => {
      await db.signatures.bulkPut(records.map(purgedStored))
      await db.strokes.bulkDelete(records.map((record) => record.id))
      await db.journalQueue.bulkDelete(records.map((record) => record.id))
    })
    purged += records.length
  }
  if (purged > 0) {
    await db.audit.add({
      at: purgedAt,
      action: 'purge',
      detail: options.everyConfirmed
        ? `Purged the personal data of ${purged} confirmed signature(s) (Purge now)`
        : `Purged the personal data of ${purged} signature(s) confirmed more than ${options.retentionDays} day(s) ago`,
    })
  }
  return purged
}

/**
 * Runs retention now and then once a day while the kiosk runs, with the retention period in
 * settings at each run. Answers the function that stops it.
 */
export function startRetention(db: KioskDB, api: PurgeApi & Pick<KioskApi, 'getSettings'>) {
  const running = schedules.get(db)
  if (running) return running
  const run = () =>
    api
      .getSettings()
      .then(({ retentionDays }) => purgeConfirmed(db, api, { retentionDays }))
      .catch((error: unknown) => console.warn('Retention could not purge yet', error))
  void run()
  const timer = setInterval(() => void run(), DAY_MS)
  const stop = () => {
    clearInterval(timer)
    schedules.delete(db)
  }
  schedules.set(db, stop)
  return stop
}

const schedules = new WeakMap<KioskDB, () => void>()
