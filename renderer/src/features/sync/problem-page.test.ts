import { describe, expect, it } from 'vitest'
import { sampleRecord } from '@shared/testing/sample-record'
import { toStored } from '../../db/save-signature'
import { testDatabases } from '../../db/testing/test-db'
import { readProblemPage, type ProblemPage } from './status'

const freshDb = testDatabases()

describe('readProblemPage', () => {
  it('pages 120 duplicates newest answer first, 50 at a time, without gaps or repeats, both ways', async () => {
    const db = freshDb()
    // Three batches' answers: 40 records share each answer time, as in a real batch.
    const records = Array.from({ length: 120 }, (_, i) => ({
      ...toStored(sampleRecord(i + 1)),
      syncState: 'duplicate' as const,
      syncedAt: `2026-12-01T10:0${Math.floor(i / 40)}:00.000Z`,
      syncNote: 'EWRC26-B02-000001',
    }))
    await db.signatures.bulkAdd([
      ...records,
      {
        ...toStored(sampleRecord(500)),
        syncState: 'rejected',
        syncedAt: '2026-12-01T11:00:00.000Z',
      },
    ])
    const first = await readProblemPage(db, 'duplicate', { from: 'newest' })
    const second = await readProblemPage(db, 'duplicate', { from: 'after', key: first.older! })
    const third = await readProblemPage(db, 'duplicate', { from: 'after', key: second.older! })
    expect([first, second, third].map((p: ProblemPage) => p.rows.length)).toEqual([50, 50, 20])
    expect(first.total).toBe(120)
    expect(first.newer).toBeNull()
    expect(third.older).toBeNull()
    const ids = [first, second, third].flatMap((p) => p.rows.map((r) => r.id))
    expect(new Set(ids).size).toBe(120)
    const times = [first, second, third].flatMap((p) => p.rows.map((r) => r.answeredAt!))
    expect(times).toEqual([...times].sort().reverse())
    expect(ids).not.toContain(sampleRecord(500).id)
    const back = await readProblemPage(db, 'duplicate', { from: 'before', key: third.newer! })
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id))
    expect(back.newer).not.toBeNull()
  })
})
