import { testDatabases } from './testing/test-db'
import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '@shared/journal'
import { recordAudit } from '../features/staff/audit/record-audit'
import { journalAuditAsWritten } from './audit-journal'

const freshDb = testDatabases()

describe('journalAuditAsWritten', () => {
  it('writes an audit line to the journal soon after it is added, without a save', async () => {
    const db = freshDb()
    const lines: JournalEntry[] = []
    const api = {
      appendJournal: async (entries: JournalEntry[]) => {
        lines.push(...entries)
      },
      readJournal: async () => ({ entries: [], nextOffset: 0, done: true, badLines: [] }),
      getJournalStats: async () => ({
        signatures: 0,
        withdrawals: 0,
        audits: 0,
        badLines: 0,
        bytes: 0,
      }),
    }
    const stop = journalAuditAsWritten(db, api)
    try {
      await recordAudit(db, 'staff-unlock', 'Console unlocked')
      await expect.poll(() => lines.length).toBe(1)
      expect(lines[0]).toMatchObject({ type: 'audit', audit: { action: 'staff-unlock' } })
    } finally {
      stop()
    }
  })
})
