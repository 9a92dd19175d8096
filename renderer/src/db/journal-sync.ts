import type { KioskApi } from '@shared/api'
import { auditEntrySchema } from '@shared/audit'
import type { JournalEntry, PurgedRecord } from '@shared/journal'
import { CERTIFICATE_NO } from '@shared/signature'
import { certificateCounterKey, loadSignatureRecords, toStored } from './save-signature'
import type { SignatureRecord } from '@shared/signature'
import { purgedStored } from './retention'
import type { KioskDB, StoredSignature, Tombstone } from './schema'

type JournalApi = Pick<KioskApi, 'appendJournal' | 'readJournal' | 'getJournalStats'>

const CHUNK = 500
/** Meta key: the highest audit log id whose line the journal has (or that is not journaled). */
export const AUDIT_JOURNALED_THROUGH = 'auditJournaledThrough'
const journaledAudit = auditEntrySchema.omit({ id: true })
type JournaledAudit = Extract<JournalEntry, { type: 'audit' }>['audit']

/**
 * Writes every saved signature and every withdrawal whose journal line is not yet confirmed to
 * the on-disk journal. Runs after each save or withdrawal and at start; a failure leaves the
 * rest for the next run.
 */
export function flushJournalQueue(db: KioskDB, api: JournalApi): Promise<number> {
  // One flush at a time per database: two overlapping ones would both append the same lines.
  const previous = flushes.get(db) ?? Promise.resolve(0)
  const next = previous.catch(() => 0).then(() => flushOnce(db, api))
  flushes.set(db, next)
  return next
}

const flushes = new WeakMap<KioskDB, Promise<number>>()

async function flushOnce(db: KioskDB, api: JournalApi): Promise<number> {
  let written = await flushWithdrawals(db, api)
  await flushAudit(db, api)
  for (;;) {
    const ids = (await db.journalQueue.limit(CHUNK).toArray()).map((entry) => entry.id)
    if (ids.length === 0) return written
    const records = await loadSignatureRecords(db, ids)
    if (records.length) {
      await api.appendJournal(records.map((record) => ({ type: 'signature', record })))
    }
    await db.journalQueue.bulkDelete(ids)
    written += records.length
  }
}

async function flushWithdrawals(db: KioskDB, api: JournalApi): Promise<number> {
  // Withdrawals are rare: a scan of the tombstones is cheap.
  const unwritten = await db.tombstones.filter((t) => t.journaledAt === null).toArray()
  if (unwritten.length === 0) return 0
  await api.appendJournal(
    unwritten.map(({ id, certificateNo, withdrawnAt }) => ({
      type: 'withdrawal',
      withdrawal: { id, certificateNo, withdrawnAt },
    })),
  )
  const journaledAt = new Date().toISOString()
  await db.tombstones.bulkUpdate(unwritten.map(({ id }) => ({ key: id, changes: { journaledAt } })))
  return unwritten.length
}

/**
 * Writes the audit log's new lines to the journal, so a wiped profile keeps its log. A saved
 * signature's line is left out (the signature's own journal line is the record of it); lines hold
 * certificate numbers, never a person (see `recordAudit`).
 */
async function flushAudit(db: KioskDB, api: JournalApi): Promise<void> {
  for (;;) {
    const through = await auditMark(db)
    const lines = await db.audit.where(':id').above(through).limit(CHUNK).toArray()
    const last = lines.at(-1)?.id
    if (last === undefined) return
    const entries: JournalEntry[] = lines.flatMap(({ at, action, detail }) => {
      const checked = journaledAudit.safeParse({ at, action, detail })
      return checked.success ? [{ type: 'audit', audit: checked.data }] : []
    })
    if (entries.length) await api.appendJournal(entries)
    await db.meta.put({ key: AUDIT_JOURNALED_THROUGH, value: last })
  }
}

async function auditMark(db: KioskDB): Promise<number> {
  const value = (await db.meta.get(AUDIT_JOURNALED_THROUGH))?.value
  return typeof value === 'number' ? value : 0
}

export interface RestoreReport {
  restored: number
  withdrawn: number
  /** Audit log lines brought back from the journal. */
  audit: number
  badLines: number[]
}

/**
 * Brings back signatures the journal has and IndexedDB lacks (a wiped or damaged profile).
 * Withdrawals in the journal are applied in order, so erased data never returns. Each page is
 * one transaction; the certificate counter never goes below a restored number.
 */
export async function restoreFromJournal(
  db: KioskDB,
  api: JournalApi,
  ctx: { eventCode: string; kioskId: string },
): Promise<RestoreReport> {
  const report: RestoreReport = { restored: 0, withdrawn: 0, audit: 0, badLines: [] }
  const stats = await api.getJournalStats()
  const local = (await db.signatures.count()) + (await db.tombstones.count())
  // An erased signature leaves only its withdrawal line: count lines against records + tombstones.
  const lines = stats.signatures + stats.withdrawals
  const signaturesMissing = lines > 0 && (lines > local || stats.badLines > 0)
  // A profile that never journaled its audit log (new or wiped) takes the journal's.
  const auditMissing =
    stats.audits > 0 && (await db.meta.get(AUDIT_JOURNALED_THROUGH)) === undefined
  if (!signaturesMissing && !auditMissing) return report
  // Lines written before the restore (the storage check at start) go to the journal first.
  await flushAudit(db, api)
  const audit: JournaledAudit[] = []
  let offset = 0
  for (;;) {
    const page = await api.readJournal({ offset, limit: 2_000 })
    report.badLines.push(...page.badLines)
    if (signaturesMissing) await applyPage(db, page.entries, ctx, report)
    for (const entry of page.entries) if (entry.type === 'audit') audit.push(entry.audit)
    if (page.done) break
    offset = page.nextOffset
  }
  report.audit = await restoreAudit(db, audit)
  const now = new Date().toISOString()
  if (report.restored || report.withdrawn || report.audit) {
    await db.audit.add({
      at: now,
      action: 'restore',
      detail: `Restored ${report.restored} signature(s) and ${report.audit} audit line(s) from the on-disk journal`,
    })
  }
  if (report.badLines.length) {
    await db.audit.add({
      at: now,
      action: 'restore-skipped-lines',
      detail: `Skipped unreadable journal line(s): ${report.badLines.join(', ')}`,
    })
  }
  return report
}

/** Adds the journal's audit lines the log lacks, in their order, marked as journaled already. */
async function restoreAudit(db: KioskDB, lines: JournaledAudit[]): Promise<number> {
  const key = (line: { at: string; action: string; detail: string }) =>
    `${line.at}|${line.action}|${line.detail}`
  return db.transaction('rw', [db.audit, db.meta], async () => {
    const have = new Set<string>()
    await db.audit.each((line) => {
      if (line.action !== 'signature-saved') have.add(key(line))
    })
    const missing = lines.filter((line) => {
      if (have.has(key(line))) return false
      have.add(key(line))
      return true
    })
    const through = await auditMark(db)
    const unjournaled = await db.audit.where(':id').above(through).count()
    await db.audit.bulkAdd(missing)
    const last = (await db.audit.orderBy(':id').last())?.id
    // Mark the restored lines as journaled, unless a newer line still waits for the journal.
    if (last !== undefined && unjournaled === 0) {
      await db.meta.put({ key: AUDIT_JOURNALED_THROUGH, value: last })
    }
    return missing.length
  })
}

async function applyPage(
  db: KioskDB,
  entries: JournalEntry[],
  ctx: { eventCode: string; kioskId: string },
  report: RestoreReport,
) {
  const counterKey = certificateCounterKey(ctx)
  const ids = [
    ...new Set(
      entries.flatMap((e) =>
        e.type === 'withdrawal' ? [e.withdrawal.id] : e.type === 'audit' ? [] : [e.record.id],
      ),
    ),
  ]
  await db.transaction('rw', [db.signatures, db.strokes, db.tombstones, db.counters], async () => {
    // One bulk read for the page, then the page is replayed in order in memory.
    const [live, dead] = await Promise.all([db.signatures.bulkGet(ids), db.tombstones.bulkGet(ids)])
    const present = new Set(ids.filter((_, i) => live[i]))
    const liveById = new Map(live.flatMap((row) => (row ? [[row.id, row] as const] : [])))
    const withdrawnBefore = new Set(ids.filter((_, i) => dead[i]))
    const toAdd = new Map<string, SignatureRecord>()
    const toAddPurged = new Map<string, PurgedRecord>()
    const toErase: string[] = []
    const tombstones: Tombstone[] = []
    for (const entry of entries) {
      if (entry.type === 'audit') continue
      if (entry.type === 'signature' || entry.type === 'purged') {
        const { id } = entry.record
        if (present.has(id) || withdrawnBefore.has(id)) continue
        if (entry.type === 'purged') {
          // Its personal data was purged after the signature line was read: keep only this.
          if (!toAdd.delete(id) && !toAddPurged.has(id)) report.restored += 1
          toAddPurged.set(id, entry.record)
          continue
        }
        if (toAdd.has(id) || toAddPurged.has(id)) continue
        toAdd.set(id, entry.record)
        report.restored += 1
        continue
      }
      const { id, certificateNo, withdrawnAt } = entry.withdrawal
      const signedDay = (toAdd.get(id) ?? toAddPurged.get(id) ?? liveById.get(id))?.day
      if (toAdd.delete(id) || toAddPurged.delete(id) || present.delete(id)) {
        toErase.push(id)
        report.withdrawn += 1
      }
      if (!withdrawnBefore.has(id)) {
        withdrawnBefore.add(id)
        tombstones.push({
          id,
          certificateNo,
          withdrawnAt,
          ...(signedDay ? { signedDay } : {}),
          syncState: 'pending',
          journaledAt: withdrawnAt,
        })
      }
    }
    const records = [...toAdd.values()]
    const purged = [...toAddPurged.values()]
    await db.signatures.bulkDelete(toErase)
    await db.strokes.bulkDelete(toErase)
    await db.tombstones.bulkPut(tombstones)
    await db.signatures.bulkAdd([...records.map(toStored), ...purged.map(purgedStored)])
    await db.strokes.bulkPut(
      records.flatMap(({ id, signature }) => (signature ? [{ id, signature }] : [])),
    )
    const numbered: Pick<StoredSignature, 'certificateNo'>[] = [...records, ...purged]
    const sequences = numbered
      .filter(
        (r) => r.certificateNo.startsWith(`${counterKey}-`) && CERTIFICATE_NO.test(r.certificateNo),
      )
      .map((r) => Number(r.certificateNo.slice(-6)))
    const highest = Math.max((await db.counters.get(counterKey))?.value ?? 0, ...sequences)
    await db.counters.put({ key: counterKey, value: highest })
  })
}
