import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { DrawnSignatureRecord } from '@shared/signature'
import type { SendBatchOutcome } from '@shared/sync'
import { sampleRecord } from '@shared/testing/sample-record'
import { toStored } from '../../db/save-signature'
import { KioskDB } from '../../db/schema'
import { SyncEngine } from './engine'
import { readSyncFacts, readSyncProblems } from './status'
import { fakeRegister, type FakeRegister } from './testing/fake-register'

const opened: KioskDB[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await db.delete()
  }
})

function freshDb(): KioskDB {
  const db = new KioskDB(`split-${crypto.randomUUID()}`)
  opened.push(db)
  return db
}

async function seed(db: KioskDB, records: DrawnSignatureRecord[]): Promise<void> {
  await db.transaction('rw', [db.signatures, db.strokes], async () => {
    await db.signatures.bulkAdd(records.map(toStored))
    await db.strokes.bulkAdd(records.map((r) => ({ id: r.id, signature: r.signature })))
  })
}

const records = (n: number, from = 1) => Array.from({ length: n }, (_, i) => sampleRecord(from + i))

const serverError: SendBatchOutcome = {
  kind: 'retry',
  status: 500,
  retryAfterMs: null,
  reason: 'The register had a problem (500): invalid byte sequence for encoding "UTF8": 0x00.',
}

function setup(register: FakeRegister, db: KioskDB) {
  let now = Date.parse('2026-10-13T10:00:00Z')
  const engine = new SyncEngine({
    db,
    api: register.api,
    random: () => 1,
    now: () => now,
    lock: async (fn) => ({ ran: true, value: await fn() }),
  })
  /** Runs the engine, moving the clock to the next due batch, until it is idle. */
  const drain = async (max = 300) => {
    for (let i = 0; i < max; i++) {
      const report = await engine.run()
      if (report.ended === 'idle') return i
      const due = (await db.batches.where('state').equals('queued').toArray())
        .map((b) => b.nextAttemptAt)
        .filter((at) => at > now)
      now = Math.min(now + 60_000, ...due)
    }
    throw new Error('the engine never became idle')
  }
  return { engine, drain }
}

/** No record or withdrawal is ever in two unfinished batches at once. */
async function expectNoOverlap(db: KioskDB): Promise<void> {
  const unfinished = await db.batches.where('state').anyOf('queued', 'stopped').toArray()
  const ids = unfinished.flatMap((b) => [...b.recordIds, ...b.withdrawalIds])
  expect(new Set(ids).size).toBe(ids.length)
}

describe('SyncEngine with a record the register fails on', () => {
  it('splits the failing batch, rejects only that record with the register’s reason and sends the rest once', async () => {
    const db = freshDb()
    const mine = records(20)
    const bad = mine[7]!
    await seed(db, mine)
    const register = fakeRegister()
    register.failIf = (body) => (body.includes(bad.id) ? { outcome: serverError } : null)
    register.onSend = () => expectNoOverlap(db)
    await setup(register, db).drain()

    expect(register.registered.size).toBe(19)
    expect(register.registered.has(bad.id)).toBe(false)
    const byId = new Map((await db.signatures.toArray()).map((r) => [r.id, r]))
    expect(byId.get(bad.id)?.syncState).toBe('rejected')
    expect(byId.get(bad.id)?.syncNote).toMatch(/500.*0x00/)
    expect([...byId.values()].filter((r) => r.syncState === 'synced')).toHaveLength(19)
    expect(await readSyncFacts(db)).toMatchObject({
      pending: 0,
      rejected: 1,
      synced: 19,
      queuedBatches: 0,
    })
    const problems = await readSyncProblems(db)
    expect(problems.map((p) => [p.certificateNo, p.state])).toEqual([
      [bad.certificateNo, 'rejected'],
    ])
    // Every stored batch was sent byte for byte the same on each retry.
    const byBatch = new Map<string, Set<string>>()
    for (const body of register.bodies) {
      const id = (JSON.parse(body) as { batchId: string }).batchId
      byBatch.set(id, (byBatch.get(id) ?? new Set()).add(body))
    }
    for (const bodies of byBatch.values()) expect(bodies.size).toBe(1)
    expect(await db.batches.where('state').equals('abandoned').count()).toBeGreaterThan(0)
  })

  it('counts records as synced when the register had committed the batch whose answer became a 5xx', async () => {
    const db = freshDb()
    const mine = records(6)
    const [kept, gone] = records(2, 50)
    await seed(db, [...mine, kept!])
    await db.tombstones.put({
      id: gone!.id,
      certificateNo: gone!.certificateNo,
      withdrawnAt: '2026-10-13T09:00:00.000Z',
      syncState: 'pending',
    })
    const register = fakeRegister()
    let rootId: string | null = null
    register.failIf = (body) => {
      const id = (JSON.parse(body) as { batchId: string }).batchId
      rootId ??= id
      return id === rootId ? { outcome: serverError, afterCommit: true } : null
    }
    await setup(register, db).drain()

    expect(register.registered.size).toBe(7)
    expect(await readSyncFacts(db)).toMatchObject({
      pending: 0,
      synced: 7,
      rejected: 0,
      duplicate: 0,
      pendingWithdrawals: 0,
    })
    expect((await db.tombstones.get(gone!.id))?.syncState).toBe('synced')
  })

  it('rejects nothing while the register fails for every batch, and sends everything once it recovers', async () => {
    const db = freshDb()
    await seed(db, records(4))
    const register = fakeRegister()
    register.failIf = () => ({ outcome: serverError })
    const { drain } = setup(register, db)
    await expect(drain(60)).rejects.toThrow(/never became idle/)
    expect((await readSyncFacts(db)).rejected).toBe(0)

    register.failIf = undefined
    await drain()
    expect(register.registered.size).toBe(4)
    expect(await readSyncFacts(db)).toMatchObject({ pending: 0, synced: 4, rejected: 0 })
  })

  it('lets later signatures past a lone record it fails on, then rejects that record', async () => {
    const db = freshDb()
    const [bad, later] = records(2)
    await seed(db, [bad!])
    const register = fakeRegister()
    register.failIf = (body) => (body.includes(bad!.id) ? { outcome: serverError } : null)
    const { drain } = setup(register, db)
    await expect(drain(20)).rejects.toThrow(/never became idle/)
    expect((await readSyncFacts(db)).rejected).toBe(0)

    await seed(db, [later!])
    await drain()
    expect([...register.registered.keys()]).toEqual([later!.id])
    expect((await db.signatures.get(bad!.id))?.syncState).toBe('rejected')
    expect((await db.signatures.get(later!.id))?.syncState).toBe('synced')
  })
})
