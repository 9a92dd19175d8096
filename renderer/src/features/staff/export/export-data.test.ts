import { describe, expect, it } from 'vitest'
import type { KioskApi } from '@shared/api'
import type { JournalEntry } from '@shared/journal'
import { sampleRecord } from '@shared/testing/sample-record'
import { restoreFromJournal } from '../../../db/journal-sync'
import { toStored } from '../../../db/save-signature'
import { testDatabases } from '../../../db/testing/test-db'
import { withdrawSignature } from '../signatures/withdraw'
import { dayWithdrawals } from './export-data'

const TZ = 'Europe/Brussels'
const freshDb = testDatabases()

/** The host's journal methods, holding lines in memory (all on one page). */
function journal(lines: JournalEntry[] = []) {
  const api: Pick<
    KioskApi,
    'appendJournal' | 'readJournal' | 'getJournalStats' | 'eraseWithdrawn'
  > = {
    appendJournal: async (entries) => {
      lines.push(...entries)
    },
    readJournal: async () => ({
      entries: lines,
      badLines: [],
      nextOffset: lines.length,
      done: true,
    }),
    getJournalStats: async () => ({
      signatures: lines.filter((l) => l.type === 'signature').length,
      withdrawals: lines.filter((l) => l.type === 'withdrawal').length,
      audits: lines.filter((l) => l.type === 'audit').length,
      badLines: 0,
      bytes: 0,
    }),
    eraseWithdrawn: async () => ({ journalLines: 1, certificatesDeleted: [], exportFolders: [] }),
  }
  return { api, lines }
}

const certificates = async (db: Parameters<typeof dayWithdrawals>[0], day: string) =>
  (await dayWithdrawals(db, day, TZ)).map((w) => w.certificateNo)

describe('dayWithdrawals', () => {
  it('lists a withdrawal on the day it happened AND on the signing day, once each', async () => {
    const db = freshDb()
    const signed = sampleRecord(1) // signed on 2026-10-13
    const other = sampleRecord(2)
    await db.signatures.bulkAdd([toStored(signed), toStored(other)])
    const { api } = journal()
    await withdrawSignature(db, api, signed.id, new Date('2026-10-15T09:00:00.000Z'))

    expect(await certificates(db, '2026-10-13')).toEqual([signed.certificateNo])
    expect(await certificates(db, '2026-10-15')).toEqual([signed.certificateNo])
    expect(await certificates(db, '2026-10-14')).toEqual([])
    expect(await dayWithdrawals(db, '2026-10-13', TZ)).toEqual([
      {
        id: signed.id,
        certificateNo: signed.certificateNo,
        withdrawnAt: '2026-10-15T09:00:00.000Z',
      },
    ])
  })

  it('lists a same-day withdrawal once', async () => {
    const db = freshDb()
    const signed = sampleRecord(3)
    await db.signatures.add(toStored(signed))
    await withdrawSignature(db, journal().api, signed.id, new Date('2026-10-13T15:00:00.000Z'))
    expect(await certificates(db, '2026-10-13')).toEqual([signed.certificateNo])
  })

  it('keeps the signing day when the tombstone is restored from the journal', async () => {
    const signed = sampleRecord(4)
    const { api } = journal([
      { type: 'signature', record: signed },
      {
        type: 'withdrawal',
        withdrawal: {
          id: signed.id,
          certificateNo: signed.certificateNo,
          withdrawnAt: '2026-10-16T08:00:00.000Z',
        },
      },
    ])
    const db = freshDb()
    await restoreFromJournal(db, api, { eventCode: 'EWRC26', kioskId: 'B01' })
    expect(await certificates(db, '2026-10-13')).toEqual([signed.certificateNo])
    expect(await certificates(db, '2026-10-16')).toEqual([signed.certificateNo])
  })
})
