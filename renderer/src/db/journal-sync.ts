import type { KioskApi } from '@shared/api'
import type { JournalEntry } from '@shared/journal'
import { CERTIFICATE_NO } from '@shared/signature'
import { certificateCounterKey, loadSignatureRecords, toStored } from './save-signature'
import type { SignatureRecord } from '@shared/signature'
import type { KioskDB, Tombstone } from './schema'

type JournalApi = Pick<KioskApi, 'appendJournal' | 'readJournal' | 'getJournalStats'>

const CHUNK = 500

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

export interface RestoreReport {
  restored: number
  withdrawn: number
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
  const report: RestoreReport = { restored: 0, withdrawn: 0, badLines: [] }
  const stats = await api.getJournalStats()
  const local = (await db.signatures.count()) + (await db.tombstones.count())
  if (
    stats.signatures + stats.withdrawals === 0 ||
    (stats.signatures <= local && stats.badLines === 0)
  ) {
    return report
  }
  let offset = 0
  for (;;) {
    const page = await api.readJournal({ offset, limit: 2_000 })
    report.badLines.push(...page.badLines)
    await applyPage(db, page.entries, ctx, report)
    if (page.done) break
    offset = page.nextOffset
  }
  const now = new Date().toISOString()
  if (report.restored || report.withdrawn) {
    await db.audit.add({
      at: now,
      action: 'restore',
      detail: `Restored ${report.restored} signature(s) from the on-disk journal`,
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

async function applyPage(
  db: KioskDB,
  entries: JournalEntry[],
  ctx: { eventCode: string; kioskId: string },
  report: RestoreReport,
) {
  const counterKey = certificateCounterKey(ctx)
  const ids = [
    ...new Set(entries.map((e) => (e.type === 'signature' ? e.record.id : e.withdrawal.id))),
  ]
  await db.transaction('rw', [db.signatures, db.strokes, db.tombstones, db.counters], async () => {
    // One bulk read for the page, then the page is replayed in order in memory.
    const [live, dead] = await Promise.all([db.signatures.bulkGet(ids), db.tombstones.bulkGet(ids)])
    const present = new Set(ids.filter((_, i) => live[i]))
    const withdrawnBefore = new Set(ids.filter((_, i) => dead[i]))
    const toAdd = new Map<string, SignatureRecord>()
    const toErase: string[] = []
    const tombstones: Tombstone[] = []
    for (const entry of entries) {
      if (entry.type === 'signature') {
        const { id } = entry.record
        if (present.has(id) || withdrawnBefore.has(id) || toAdd.has(id)) continue
        toAdd.set(id, entry.record)
        report.restored += 1
        continue
      }
      const { id, certificateNo, withdrawnAt } = entry.withdrawal
      if (toAdd.delete(id) || present.delete(id)) {
        toErase.push(id)
        report.withdrawn += 1
      }
      if (!withdrawnBefore.has(id)) {
        withdrawnBefore.add(id)
        tombstones.push({
          id,
          certificateNo,
          withdrawnAt,
          syncState: 'pending',
          journaledAt: withdrawnAt,
        })
      }
    }
    const records = [...toAdd.values()]
    await db.signatures.bulkDelete(toErase)
    await db.strokes.bulkDelete(toErase)
    await db.tombstones.bulkPut(tombstones)
    await db.signatures.bulkAdd(records.map(toStored))
    await db.strokes.bulkPut(records.map(({ id, signature }) => ({ id, signature })))
    const sequences = records
      .filter(
        (r) => r.certificateNo.startsWith(`${counterKey}-`) && CERTIFICATE_NO.test(r.certificateNo),
      )
      .map((r) => Number(r.certificateNo.slice(-6)))
    const highest = Math.max((await db.counters.get(counterKey))?.value ?? 0, ...sequences)
    await db.counters.put({ key: counterKey, value: highest })
  })
}
