import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { KioskDB } from '../../../db/schema'
import { auditPage } from './audit-page'

const opened: KioskDB[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()))
})

async function logWith(count: number): Promise<KioskDB> {
  const db = new KioskDB(`test-${crypto.randomUUID()}`)
  opened.push(db)
  // Every third line is a saved signature; the others alternate staff actions.
  await db.audit.bulkAdd(
    Array.from({ length: count }, (_, i) => ({
      at: new Date(Date.UTC(2026, 9, 13, 8, 0, i)).toISOString(),
      action: i % 3 === 0 ? 'signature-saved' : i % 3 === 1 ? 'staff-unlock' : 'export',
      detail: `line ${i + 1}`,
    })),
  )
  return db
}

describe('auditPage', () => {
  it('pages newest first, leaving saved signatures out by default', async () => {
    const db = await logWith(300)
    const first = await auditPage(db, 'staff', 0)
    expect(first.total).toBe(200)
    expect(first.more).toBe(true)
    expect(first.entries).toHaveLength(50)
    expect(first.entries[0]?.detail).toBe('line 300')
    expect(first.entries.every((e) => e.action !== 'signature-saved')).toBe(true)
    const last = await auditPage(db, 'staff', 3)
    expect(last.more).toBe(false)
    expect(last.entries.at(-1)?.detail).toBe('line 2')
  })

  it('filters one action through its index, and shows everything on request', async () => {
    const db = await logWith(300)
    const exports = await auditPage(db, 'export', 1)
    expect(exports.total).toBe(100)
    expect(exports.entries.map((e) => e.detail).slice(0, 2)).toEqual(['line 150', 'line 147'])
    expect((await auditPage(db, 'all', 0)).total).toBe(300)
    expect((await auditPage(db, 'all', 0)).entries[0]?.detail).toBe('line 300')
  })
})
