import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ORGANISATION_TYPES } from '@shared/signature'
import { sampleRecord } from '@shared/testing/sample-record'
import { withdrawSignature } from '../features/staff/signatures/withdraw'
import { applyAnswer, nextBatch } from '../features/sync/outbox'
import { quarterKey, recount } from '@shared/dashboard-count-keys'
import { purgeConfirmed } from './retention'
import { saveSignature, toStored } from './save-signature'
import type { KioskDB } from './schema'
import { KioskDB as Db } from './schema'
import { sampleDraft, testDatabases } from './testing/test-db'
import { RELEASED_V1_STORES } from './testing/released-schemas'

const freshDb = testDatabases()
const ctx = { eventCode: 'EWRC26', kioskId: 'B01', timeZone: 'Europe/Brussels' }

const journalApi = {
  appendJournal: async () => undefined,
  readJournal: async () => ({ entries: [], badLines: [], nextOffset: 0, done: true }),
  getJournalStats: async () => ({
    signatures: 0,
    withdrawals: 0,
    audits: 0,
    badLines: 0,
    bytes: 0,
  }),
  eraseWithdrawn: async () => ({ journalLines: 0, certificatesDeleted: [], exportFolders: [] }),
  purgeJournal: async ({ records }: { records: unknown[] }) => records.length,
}

async function stored(db: KioskDB): Promise<Map<string, number>> {
  const rows = await db.dashboardCounts.toArray()
  return new Map(rows.map((row) => [row.key, row.value]))
}

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('save' as const),
    capacity: fc.constantFrom('individual' as const, 'organisation' as const),
    type: fc.constantFrom(...ORGANISATION_TYPES),
    country: fc.constantFrom('PL', 'DE', 'FR', 'MT', 'IE'),
    minute: fc.integer({ min: 0, max: 3 * 24 * 60 }),
    sameEmail: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('sync' as const),
    answers: fc.array(fc.constantFrom('accepted', 'duplicate', 'rejected'), {
      minLength: 1,
      maxLength: 6,
    }),
  }),
  fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('purge' as const) }),
  fc.record({ kind: fc.constant('print' as const), pick: fc.nat() }),
)

describe('dashboard counts', () => {
  it('equal a full recount after any mix of saves, sync answers, withdrawals, purges and edits', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (ops) => {
        const db = freshDb()
        for (const op of ops) {
          const ids = await db.signatures.toCollection().primaryKeys()
          switch (op.kind) {
            case 'save': {
              n += 1
              const draft = sampleDraft(n, {
                capacity: op.capacity,
                organisationType: op.capacity === 'organisation' ? op.type : null,
                organisationName: op.capacity === 'organisation' ? `Org ${n}` : null,
                country: op.country,
                email: op.sameEmail ? 'same@example.eu' : `v${n}@example.eu`,
              })
              await saveSignature(
                db,
                draft,
                ctx,
                new Date(Date.UTC(2026, 11, 1) + op.minute * 60_000),
              )
              break
            }
            case 'sync': {
              const batch = await nextBatch(db, {
                kioskId: 'B01',
                credential: 'c',
                now: new Date(),
              })
              if (!batch) break
              const results = batch.recordIds.map((id, i) => {
                const status = op.answers[i % op.answers.length]!
                return status === 'duplicate'
                  ? { id, status, certificateNo: 'EWRC26-B02-000001' }
                  : { id, status }
              })
              await applyAnswer(
                db,
                batch,
                { batchId: batch.id, results, withdrawals: [], consentChanges: [] },
                new Date(),
              )
              break
            }
            case 'withdraw':
              if (ids.length) await withdrawSignature(db, journalApi, ids[op.pick % ids.length]!)
              break
            case 'purge':
              await purgeConfirmed(db, journalApi, { retentionDays: 0, everyConfirmed: true })
              break
            case 'print':
              if (ids.length) {
                await db.signatures.update(ids[op.pick % ids.length]!, {
                  printedAt: new Date().toISOString(),
                })
              }
              break
          }
        }
        expect(await stored(db)).toEqual(recount(await db.signatures.toArray()))
      }),
      { numRuns: 40 },
    )
  })

  it('leave out a failed add of a bulkAdd and follow a clear', async () => {
    const db = freshDb()
    const [a, b] = [sampleRecord(1), sampleRecord(2)]
    await db.signatures.add(toStored(a))
    await expect(db.signatures.bulkAdd([toStored(a), toStored(b)])).rejects.toThrow()
    expect(await stored(db)).toEqual(recount(await db.signatures.toArray()))
    expect((await stored(db)).get('total')).toBe(2)
    await db.signatures.clear()
    expect((await stored(db)).size).toBe(0)
  })

  it('are built from the existing rows by the upgrade to version 8', async () => {
    const name = `counts-upgrade-${crypto.randomUUID()}`
    const v1 = new Dexie(name)
    v1.version(1).stores(RELEASED_V1_STORES)
    const records = [1, 2, 3].map((i) =>
      toStored(sampleRecord(i, { country: i === 3 ? 'DE' : 'PL' })),
    )
    await v1.table('signatures').bulkAdd(records)
    v1.close()
    const db = new Db(name)
    try {
      const counts = await stored(db)
      expect(counts).toEqual(recount(records))
      expect(counts.get('country:PL')).toBe(2)
      expect(counts.get(quarterKey(records[0]!.createdAt))).toBe(3)
    } finally {
      await db.delete()
    }
  })
})
