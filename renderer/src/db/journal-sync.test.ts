import { describe, expect, it } from 'vitest'
import type { KioskApi } from '@shared/api'
import type { JournalEntry } from '@shared/journal'
import { sampleRecord } from '@shared/testing/sample-record'
import { flushJournalQueue, restoreFromJournal } from './journal-sync'
import { saveSignature } from './save-signature'
import { sampleDraft, testDatabases } from './testing/test-db'

const ctx = { eventCode: 'EWRC26', kioskId: 'B01', timeZone: 'Europe/Brussels' }
const freshDb = testDatabases()

/** An in-memory stand-in for the host's journal methods, with the same paging contract. */
function memoryJournal(lines: (JournalEntry | 'bad')[] = []) {
  const api: Pick<KioskApi, 'appendJournal' | 'readJournal' | 'getJournalStats'> = {
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
    expect(report).toEqual({ restored: 3, withdrawn: 1, badLines: [2] })
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
