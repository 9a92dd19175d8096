import type { KioskApi } from '@shared/api'
import type { JournalEntry } from '@shared/journal'
import { CERTIFICATE_NO } from '@shared/signature'
import { certificateCounterKey, loadSignatureRecords, toStored } from './save-signature'
import type { KioskDB } from './schema'

type JournalApi = Pick<KioskApi, 'appendJournal' | 'readJournal' | 'getJournalStats'>

const CHUNK = 500

/**
 * Writes every saved signature whose journal line is not yet confirmed to the on-disk journal.
 * Runs after each save and at start; a failure leaves the queue for the next run.
 */
export async function flushJournalQueue(db: KioskDB, api: JournalApi): Promise<number> {
  let written = 0
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
  await db.transaction('rw', [db.signatures, db.strokes, db.tombstones, db.counters], async () => {
    let highest = (await db.counters.get(counterKey))?.value ?? 0
    for (const entry of entries) {
      if (entry.type === 'withdrawal') {
        const { id, certificateNo, withdrawnAt } = entry.withdrawal
        if (await db.signatures.get(id)) {
          await db.signatures.delete(id)
          await db.strokes.delete(id)
          report.withdrawn += 1
        }
        if (!(await db.tombstones.get(id))) {
          await db.tombstones.put({ id, certificateNo, withdrawnAt, syncState: 'pending' })
        }
        continue
      }
      const { record } = entry
      if ((await db.signatures.get(record.id)) || (await db.tombstones.get(record.id))) continue
      await db.signatures.add(toStored(record))
      await db.strokes.put({ id: record.id, signature: record.signature })
      report.restored += 1
      if (
        record.certificateNo.startsWith(`${counterKey}-`) &&
        CERTIFICATE_NO.test(record.certificateNo)
      ) {
        highest = Math.max(highest, Number(record.certificateNo.slice(-6)))
      }
    }
    await db.counters.put({ key: counterKey, value: highest })
  })
}
