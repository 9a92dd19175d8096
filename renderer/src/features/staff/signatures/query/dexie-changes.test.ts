import 'fake-indexeddb/auto'
import { Dexie, type ObservabilitySet } from 'dexie'
import { describe, expect, it } from 'vitest'
import { sampleSignatures } from '@shared/testing/sample-signatures'
import { toStored } from '../../../../db/save-signature'
import { testDatabases } from '../../../../db/testing/test-db'
import { signaturesChange } from './engine'

const STORED = sampleSignatures({ count: 60, seed: 5, kioskId: 'B01', firstDay: '2026-10-13' }).map(
  toStored,
)
const database = testDatabases()

/** The change notices Dexie sends while `write` runs (as the table's engine receives them). */
async function noticesOf(write: () => Promise<unknown>): Promise<ObservabilitySet[]> {
  const seen: ObservabilitySet[] = []
  const listener = (parts: ObservabilitySet) => void seen.push(parts)
  Dexie.on('storagemutated', listener)
  try {
    await write()
    return seen
  } finally {
    Dexie.on('storagemutated').unsubscribe(listener)
  }
}

// Guards Dexie's behaviour the signatures table relies on (dexie is pinned exactly for it).
describe("Dexie's change notices, as signaturesChange reads them", () => {
  it('lists the keys of a few changed signatures', async () => {
    const db = database()
    await db.open()
    const [first, second] = STORED
    const notices = await noticesOf(() => db.signatures.bulkPut([first!, second!]))
    const changes = notices.map((parts) => signaturesChange(parts, db.name))
    expect(changes).toContainEqual({ kind: 'keys', ids: [first!.id, second!.id].sort() })
  })

  it('reports 50 or more changed records as unknown keys', async () => {
    const db = database()
    await db.open()
    const notices = await noticesOf(() => db.signatures.bulkPut(STORED))
    const changes = notices.map((parts) => signaturesChange(parts, db.name))
    expect(changes).toContainEqual({ kind: 'unknown', batchIds: [] })
    expect(changes.some((change) => change.kind === 'keys')).toBe(false)
  })

  it('says nothing about signatures when another table changes', async () => {
    const db = database()
    await db.open()
    const notices = await noticesOf(() =>
      db.audit.add({ at: '2026-10-13T10:00:00Z', action: 'restore', detail: '' }),
    )
    expect(notices.length).toBeGreaterThan(0)
    for (const parts of notices) expect(signaturesChange(parts, db.name)).toEqual({ kind: 'none' })
  })
})
