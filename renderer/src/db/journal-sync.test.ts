import { describe, expect, it } from 'vitest'
import type { KioskApi } from '@shared/api'
import type { JournalEntry } from '@shared/journal'
import { sampleRecord } from '@shared/testing/sample-record'
import { withdrawSignature } from '../features/staff/signatures/withdraw'
import { recordAudit } from '../features/staff/audit/record-audit'
import { flushJournalQueue, restoreFromJournal } from './journal-sync'
import { loadSignatureRecords, savePaperForm, saveSignature } from './save-signature'
import { sampleDraft, testDatabases } from './testing/test-db'

const ctx = { eventCode: 'EWRC26', kioskId: 'B01', timeZone: 'Europe/Brussels' }
const freshDb = testDatabases()

/** An in-memory stand-in for the host's journal methods, with the same paging contract. */
function memoryJournal(lines: (JournalEntry | 'bad')[] = []) {
  const api: Pick<
    KioskApi,
    'appendJournal' | 'readJournal' | 'getJournalStats' | 'eraseWithdrawn'
  > = {
    eraseWithdrawn: async () => ({ journalLines: 1, certificatesDeleted: [], exportFolders: [] }),
    appendJournal: async (entries) => {
      lines.push(...entries)
    },
    readJournal: async ({ offset, limit }) => {
      const slice = lines.slice(offset, offset + limit)
      return {
        entries: slice.filter((l): l is JournalEntry => l !== 'bad'),
        badLines: slice.flatMap((l, i) => (l === 'bad' ? [offset + i + 1] : [])),
        nextOffset: offset + slice.length,
        done: offset + limit >= lines.length,
      }
    },
    getJournalStats: async () => ({
      signatures: lines.filter((l) => l !== 'bad' && l.type === 'signature').length,
      withdrawals: lines.filter((l) => l !== 'bad' && l.type === 'withdrawal').length,
      audits: lines.filter((l) => l !== 'bad' && l.type === 'audit').length,
      badLines: lines.filter((l) => l === 'bad').length,
      bytes: 0,
    }),
  }
  return { api, lines }
}

describe('journal sync', () => {
  it('writes every saved signature to the journal once', async () => {
    const db = freshDb()
    const { api, lines } = memoryJournal()
    await saveSignature(db, sampleDraft(1), ctx)
    expect(await flushJournalQueue(db, api)).toBe(1)
    expect(await flushJournalQueue(db, api)).toBe(0)
    expect(lines).toHaveLength(1)
  })

  it('journals a paper form without strokes and restores it whole into a wiped profile', async () => {
    const db = freshDb()
    const { api, lines } = memoryJournal()
    const { signature: _drawn, ...draft } = sampleDraft(1)
    const saved = await savePaperForm(
      db,
      { ...draft, paperRef: 'P-0042' },
      ctx,
      new Date('2026-10-13T08:00:00Z'),
    )
    await flushJournalQueue(db, api)
    expect(lines).toHaveLength(2)
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'signature',
          record: expect.objectContaining({ source: 'paper', paperRef: 'P-0042' }),
        }),
        expect.objectContaining({
          type: 'audit',
          audit: expect.objectContaining({ action: 'paper-form' }),
        }),
      ]),
    )

    const wiped = freshDb()
    await restoreFromJournal(wiped, api, ctx)
    const [restored] = await loadSignatureRecords(wiped, [draft.id])
    expect(saved.status === 'saved' && restored).toEqual(saved.status === 'saved' && saved.full)
    expect(await wiped.strokes.count()).toBe(0)
  })

  it('keeps the queue when the journal cannot be written, and writes it later', async () => {
    const db = freshDb()
    const { api, lines } = memoryJournal()
    await saveSignature(db, sampleDraft(1), ctx)
    const failing = { ...api, appendJournal: async () => Promise.reject(new Error('disk full')) }
    await expect(flushJournalQueue(db, failing)).rejects.toThrow('disk full')
    expect(await db.journalQueue.count()).toBe(1)
    await flushJournalQueue(db, api)
    expect(lines).toHaveLength(1)
  })

  it('restores a wiped database from the journal once, skipping bad lines and withdrawn records', async () => {
    const { api } = memoryJournal([
      { type: 'signature', record: sampleRecord(1) },
      'bad',
      { type: 'signature', record: sampleRecord(2) },
      {
        type: 'signature',
        record: sampleRecord(3, {
          capacity: 'organisation',
          organisationType: 'city',
          organisationName: 'Gdańsk',
          role: 'Mayor',
        }),
      },
      {
        type: 'withdrawal',
        withdrawal: {
          id: sampleRecord(2).id,
          certificateNo: sampleRecord(2).certificateNo,
          withdrawnAt: '2026-10-13T12:00:00.000Z',
        },
      },
    ])
    const db = freshDb()
    const report = await restoreFromJournal(db, api, ctx)
    expect(report).toEqual({ restored: 3, withdrawn: 1, audit: 0, badLines: [2] })
    expect((await db.signatures.toArray()).map((r) => r.certificateNo)).toEqual([
      'EWRC26-B01-000001',
      'EWRC26-B01-000003',
    ])
    expect(await db.tombstones.count()).toBe(1)
    expect((await db.signatures.get(sampleRecord(3).id))?.orgKey).toBe('PL|gdansk')
    expect((await db.counters.get('EWRC26-B01'))?.value).toBe(3)
    expect(await db.audit.where('action').equals('restore').toArray()).toHaveLength(1)

    const again = await restoreFromJournal(db, api, ctx)
    expect(again.restored).toBe(0)
    expect(await db.signatures.count()).toBe(2)
  })
})

describe('journal flush', () => {
  it('never writes a line twice when flushes overlap', async () => {
    const db = freshDb()
    const { api, lines } = memoryJournal()
    for (let n = 1; n <= 5; n++) {
      await saveSignature(db, sampleDraft(n, { email: `v${n}@example.eu` }), ctx)
    }
    await Promise.all([
      flushJournalQueue(db, api),
      flushJournalQueue(db, api),
      flushJournalQueue(db, api),
    ])
    expect(lines).toHaveLength(5)
  })
})

describe('the audit log in the journal', () => {
  it('journals the audit log without personal data and brings it back after a wiped profile', async () => {
    const db = freshDb()
    const { api, lines } = memoryJournal()
    const saved = await saveSignature(
      db,
      sampleDraft(1, { firstName: 'Zsófia', lastName: 'Quennevaux', email: 'zq@example.eu' }),
      ctx,
    )
    if (saved.status !== 'saved') throw new Error('not saved')
    await recordAudit(db, 'staff-unlock', 'Console unlocked', new Date('2026-10-13T09:00:00Z'))
    await withdrawSignature(db, api, saved.record.id, new Date('2026-10-13T10:00:00Z'))
    await recordAudit(db, 'export', 'Exported 2026-10-13', new Date('2026-10-13T11:00:00Z'))
    await flushJournalQueue(db, api)

    const audit = lines.flatMap((line) => (line !== 'bad' && line.type === 'audit' ? [line] : []))
    expect(audit.map((line) => line.audit.action)).toEqual(['staff-unlock', 'withdrawal', 'export'])
    expect(audit[1]!.audit.detail).toContain(saved.record.certificateNo)
    for (const trace of ['Zsófia', 'Quennevaux', 'zq@example.eu']) {
      expect(JSON.stringify(audit)).not.toContain(trace)
    }
    // Flushing again writes nothing new.
    await flushJournalQueue(db, api)
    expect(lines.filter((line) => line !== 'bad' && line.type === 'audit')).toHaveLength(3)

    // A wiped profile: the log comes back, in order, once, and is not journaled a second time.
    const wiped = freshDb()
    const report = await restoreFromJournal(wiped, api, ctx)
    expect(report.audit).toBe(3)
    const restored = await wiped.audit.orderBy(':id').toArray()
    expect(restored.slice(0, 3).map((line) => [line.action, line.detail])).toEqual(
      audit.map((line) => [line.audit.action, line.audit.detail]),
    )
    await flushJournalQueue(wiped, api)
    const after = lines.flatMap((line) =>
      line !== 'bad' && line.type === 'audit' ? [line.audit.action] : [],
    )
    expect(after).toEqual(['staff-unlock', 'withdrawal', 'export', 'restore'])
    expect((await restoreFromJournal(wiped, api, ctx)).audit).toBe(0)
  })
})

describe('restore after an erasure', () => {
  it('brings back the tombstone of a signature whose journal lines were erased', async () => {
    const record = sampleRecord(1)
    const { api } = memoryJournal([
      {
        type: 'withdrawal',
        withdrawal: {
          id: record.id,
          certificateNo: record.certificateNo,
          withdrawnAt: '2026-10-13T12:00:00.000Z',
        },
      },
    ])
    const db = freshDb()
    await restoreFromJournal(db, api, ctx)
    expect((await db.tombstones.toArray()).map((t) => t.certificateNo)).toEqual([
      record.certificateNo,
    ])
    expect(await db.signatures.count()).toBe(0)
  })
})
