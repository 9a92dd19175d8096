import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { DrawnSignatureRecord, SignatureRecord } from '@shared/signature'
import { sampleRecord } from '@shared/testing/sample-record'
import { toStored } from '../../db/save-signature'
import { KioskDB } from '../../db/schema'
import { SyncEngine, type LockRunner } from './engine'
import { META } from './outbox'
import { readSyncFacts, readSyncProblems } from './status'
import { fakeRegister, type FakeRegister } from './testing/fake-register'

const names: string[] = []
const opened: KioskDB[] = []
afterEach(async () => {
  opened.splice(0).forEach((db) => db.close())
  await Promise.all(names.splice(0).map((name) => new KioskDB(name).delete()))
})

function freshDb(name = `sync-${crypto.randomUUID()}`): KioskDB {
  if (!names.includes(name)) names.push(name)
  const db = new KioskDB(name)
  opened.push(db)
  return db
}

/** Signatures as the visitor flow leaves them: pending, strokes in their own table. */
async function seed(db: KioskDB, records: DrawnSignatureRecord[]): Promise<void> {
  await db.transaction('rw', [db.signatures, db.strokes], async () => {
    await db.signatures.bulkAdd(records.map(toStored))
    await db.strokes.bulkAdd(records.map((r) => ({ id: r.id, signature: r.signature })))
  })
}

const records = (n: number, from = 1) => Array.from({ length: n }, (_, i) => sampleRecord(from + i))

/** A clock the test moves by hand, so backoff is checked without waiting. */
function clock(start = Date.parse('2026-10-13T10:00:00Z')) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms), set: (at: number) => (now = at) }
}

function engineFor(
  db: KioskDB,
  register: FakeRegister,
  extra: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {},
) {
  return new SyncEngine({
    db,
    api: register.api,
    random: () => 1,
    lock: async (fn) => ({ ran: true, value: await fn() }),
    ...extra,
  })
}

async function states(db: KioskDB) {
  return (await db.signatures.toArray()).map((r) => r.syncState)
}

describe('SyncEngine', () => {
  it('sends pending signatures in batches of at most 250 and marks each synced, keeping them', async () => {
    const db = freshDb()
    await seed(db, records(600))
    const register = fakeRegister()
    const report = await engineFor(db, register).run()

    expect(report).toEqual({ sent: 3, ended: 'idle' })
    expect(
      register.bodies.map((b) => (JSON.parse(b) as { records: unknown[] }).records.length),
    ).toEqual([250, 250, 100])
    expect(register.registered.size).toBe(600)
    expect(await db.signatures.count()).toBe(600)
    expect(new Set(await states(db))).toEqual(new Set(['synced']))
    const facts = await readSyncFacts(db)
    expect(facts).toMatchObject({ pending: 0, synced: 600, queuedBatches: 0, lastError: null })
    expect(facts.lastSuccessAt).not.toBeNull()
  })

  it('sends a paper form like any signature: no strokes, with its source and reference', async () => {
    const db = freshDb()
    await seed(db, records(2))
    const { signature: _drawn, ...paper } = sampleRecord(3, { source: 'paper', paperRef: 'P-7' })
    // A paper form has no strokes row: the paper keeps the signature.
    await db.signatures.add(toStored(paper))
    const register = fakeRegister()

    await engineFor(db, register).run()

    const sent = register.bodies.flatMap(
      (b) => (JSON.parse(b) as { records: SignatureRecord[] }).records,
    )
    expect(sent.map((r) => r.certificateNo).sort()).toEqual(
      [...records(2), paper].map((r) => r.certificateNo).sort(),
    )
    const sentPaper = sent.find((r) => r.id === paper.id)!
    expect(sentPaper).toEqual(paper)
    expect(sentPaper).not.toHaveProperty('signature')
    expect(new Set(await states(db))).toEqual(new Set(['synced']))
  })

  it('keeps a batch under 1 MB, measured in bytes of the exact body', async () => {
    const db = freshDb()
    // Long Greek names: two bytes per letter in UTF-8.
    await seed(
      db,
      records(40).map((r) => ({ ...r, city: 'Θεσσαλονίκη'.repeat(13).slice(0, 150) })),
    )
    const register = fakeRegister()
    await engineFor(db, register, {
      limits: { maxRecords: 250, maxWithdrawals: 250, maxBytes: 8_000 },
    }).run()
    const sizes = register.bodies.map((b) => new TextEncoder().encode(b).length)
    expect(sizes.length).toBeGreaterThan(4)
    for (const size of sizes) expect(size).toBeLessThanOrEqual(8_000)
    expect(register.registered.size).toBe(40)
  })

  it('stores the batch before the first send and resends the very same bytes, with backoff', async () => {
    const db = freshDb()
    await seed(db, records(3))
    const register = fakeRegister()
    const time = clock()
    // Not split after three 5xx here: this test is about resending the same bytes.
    const engine = engineFor(db, register, { now: time.now, tuning: { splitAfterFailures: 10 } })
    let storedBeforeSend: string | undefined
    register.onSend = async () => {
      storedBeforeSend ??= (await db.batches.toArray())[0]?.body
    }
    const fail = {
      kind: 'retry',
      status: 500,
      retryAfterMs: null,
      reason: 'The register had a problem (500).',
    } as const
    register.failNext.push(fail, fail, fail)

    const delays: number[] = []
    for (let i = 0; i < 3; i++) {
      expect((await engine.run()).ended).toBe('waiting')
      const [batch] = await db.batches.toArray()
      delays.push(batch!.nextAttemptAt - time.now())
      // Not due yet: nothing is sent.
      expect((await engine.run()).ended).toBe('waiting')
      time.set(batch!.nextAttemptAt)
    }
    expect(delays).toEqual([1_000, 2_000, 4_000])
    expect(await states(db)).toEqual(['pending', 'pending', 'pending'])
    expect((await readSyncFacts(db)).lastError?.message).toBe('The register had a problem (500).')

    expect(await engine.run()).toEqual({ sent: 1, ended: 'idle' })
    expect(register.bodies).toHaveLength(4)
    expect(new Set(register.bodies).size).toBe(1)
    expect(register.bodies[0]).toBe(storedBeforeSend)
    const [batch] = await db.batches.toArray()
    expect(batch).toMatchObject({ state: 'done', attempts: 4, body: '' })
    expect(await states(db)).toEqual(['synced', 'synced', 'synced'])
    expect((await readSyncFacts(db)).lastError).toBeNull()
  })

  it('honours Retry-After', async () => {
    const db = freshDb()
    await seed(db, records(1))
    const register = fakeRegister()
    const time = clock()
    register.failNext.push({ kind: 'retry', status: 429, retryAfterMs: 42_000, reason: 'busy' })
    await engineFor(db, register, { now: time.now }).run()
    expect((await db.batches.toArray())[0]!.nextAttemptAt).toBe(time.now() + 42_000)
  })

  it('after a crash mid-send, a restarted kiosk sends the same batch again and the register holds each signature once', async () => {
    const name = `sync-${crypto.randomUUID()}`
    const db = freshDb(name)
    await seed(db, records(5))
    const register = fakeRegister()
    // The register commits, then the kiosk dies before the answer arrives: the send never ends.
    const dying = {
      ...register.api,
      sendBatch: async (input: Parameters<typeof register.api.sendBatch>[0]) => {
        await register.api.sendBatch(input)
        return new Promise<never>(() => undefined)
      },
    }
    void engineFor(db, register, { api: dying }).run()
    await expect.poll(() => register.bodies.length).toBe(1)
    db.close()

    const restarted = freshDb(name)
    expect(await restarted.batches.toArray()).toMatchObject([{ state: 'queued', attempts: 1 }])
    expect((await engineFor(restarted, register).run()).sent).toBe(1)
    expect(register.bodies).toHaveLength(2)
    expect(register.bodies[1]).toBe(register.bodies[0])
    expect(register.registered.size).toBe(5)
    expect(await states(restarted)).toEqual(Array(5).fill('synced'))
    expect(await restarted.batches.count()).toBe(1)
  })

  it('retries a batch whose answer was lost after the register committed, and counts it once', async () => {
    const db = freshDb()
    await seed(db, records(5))
    const register = fakeRegister()
    const time = clock()
    const engine = engineFor(db, register, { now: time.now })
    register.loseAnswerNext = 1
    expect((await engine.run()).ended).toBe('waiting')
    expect(register.registered.size).toBe(5)
    expect(await states(db)).toEqual(Array(5).fill('pending'))
    time.advance(1_000)
    expect((await engine.run()).sent).toBe(1)
    expect(register.bodies[1]).toBe(register.bodies[0])
    expect(register.registered.size).toBe(5)
    expect(await states(db)).toEqual(Array(5).fill('synced'))
  })

  it('stops on a refused token, keeps everything pending, and goes on once the token changes', async () => {
    const db = freshDb()
    await seed(db, records(300))
    const register = fakeRegister()
    const engine = engineFor(db, register)
    register.failNext.push({
      kind: 'stop',
      status: 401,
      reason: "The register refused this kiosk's token (401).",
      credential: 'cred-1',
    })
    expect(await engine.run()).toEqual({ sent: 0, ended: 'stopped' })
    expect(await engine.run()).toEqual({ sent: 0, ended: 'stopped' })
    // One refused send; no second batch was built or sent under the refused token.
    expect(register.bodies).toHaveLength(1)
    expect(await db.batches.count()).toBe(1)
    const facts = await readSyncFacts(db)
    expect(facts).toMatchObject({ pending: 300, stoppedBatches: 1 })
    expect(facts.lastError).toMatchObject({ status: 401, stopped: true })
    expect(facts.lastError?.message).toMatch(/refused this kiosk's token/)
    expect(await db.signatures.count()).toBe(300)

    register.health = { state: 'ok', version: 'test', credential: 'cred-2' }
    expect(await engine.run()).toEqual({ sent: 2, ended: 'idle' })
    expect(register.bodies[1]).toBe(register.bodies[0])
    expect(register.registered.size).toBe(300)
    expect((await readSyncFacts(db)).lastError).toBeNull()
  })

  it('parks a batch the register refuses (413) and still sends the others; "Sync now" tries it again', async () => {
    const db = freshDb()
    await seed(db, records(260))
    const register = fakeRegister()
    const engine = engineFor(db, register)
    register.failNext.push({ kind: 'stop', status: 413, reason: 'too large', credential: 'cred-1' })
    expect(await engine.run()).toEqual({ sent: 1, ended: 'idle' })
    expect(await readSyncFacts(db)).toMatchObject({ pending: 250, synced: 10, stoppedBatches: 1 })
    expect((await engine.run()).sent).toBe(0)

    expect((await engine.syncNow()).sent).toBe(1)
    expect(await readSyncFacts(db)).toMatchObject({ pending: 0, synced: 260, stoppedBatches: 0 })
  })

  it("records duplicates with the register's certificate number and rejections with the reason", async () => {
    const db = freshDb()
    const other = sampleRecord(900, {
      certificateNo: 'EWRC26-B02-000007',
      email: 'visitor2@example.eu',
    })
    const mine = records(3)
    mine[2] = { ...mine[2]!, firstName: '' }
    await seed(db, mine)
    // Sent before from this kiosk (e.g. restored from the journal after a wipe).
    const register = fakeRegister({ others: [other, mine[0]!] })
    await engineFor(db, register).run()

    const byId = new Map((await db.signatures.toArray()).map((r) => [r.id, r]))
    expect(byId.get(mine[0]!.id)).toMatchObject({ syncState: 'synced' })
    expect(byId.get(mine[1]!.id)).toMatchObject({
      syncState: 'duplicate',
      syncNote: 'EWRC26-B02-000007',
    })
    expect(byId.get(mine[2]!.id)).toMatchObject({
      syncState: 'rejected',
      syncNote: 'firstName: too short',
    })
    for (const record of byId.values()) expect(record.syncedAt).not.toBeNull()
    expect((await readSyncProblems(db)).map((p) => [p.certificateNo, p.state, p.note])).toEqual(
      expect.arrayContaining([
        [mine[1]!.certificateNo, 'duplicate', 'EWRC26-B02-000007'],
        [mine[2]!.certificateNo, 'rejected', 'firstName: too short'],
      ]),
    )
  })

  it('sends withdrawals and marks the tombstones synced', async () => {
    const db = freshDb()
    const [kept, gone] = records(2)
    await seed(db, [kept!])
    await db.tombstones.put({
      id: gone!.id,
      certificateNo: gone!.certificateNo,
      withdrawnAt: '2026-10-13T11:00:00.000Z',
      syncState: 'pending',
    })
    const register = fakeRegister()
    await engineFor(db, register).run()
    expect(register.withdrawn).toEqual(new Set([gone!.id]))
    expect(JSON.parse(register.bodies[0]!)).toMatchObject({
      withdrawals: [
        {
          id: gone!.id,
          certificateNo: gone!.certificateNo,
          withdrawnAt: '2026-10-13T11:00:00.000Z',
        },
      ],
    })
    expect((await db.tombstones.get(gone!.id))?.syncState).toBe('synced')
    expect(await readSyncFacts(db)).toMatchObject({ pending: 0, pendingWithdrawals: 0 })
  })

  it('sends nothing while the register does not answer its health check', async () => {
    const db = freshDb()
    await seed(db, records(2))
    const register = fakeRegister()
    register.health = { state: 'unreachable', reason: 'not accepting connections' }
    const engine = engineFor(db, register)
    expect(await engine.run()).toEqual({ sent: 0, ended: 'offline' })
    expect(engine.getState()).toMatchObject({
      connection: 'offline',
      connectionReason: 'not accepting connections',
    })
    expect(register.bodies).toHaveLength(0)
    expect(await db.batches.count()).toBe(0)

    register.health = { state: 'not-configured', reason: 'No register token is set in settings.' }
    expect((await engine.run()).ended).toBe('not-configured')
    expect(register.bodies).toHaveLength(0)
  })

  it('lets only one window upload at a time', async () => {
    const db = freshDb()
    const other = freshDb(db.name)
    await seed(db, records(10))
    const register = fakeRegister()
    let held = false
    const lock: LockRunner = async (fn) => {
      if (held) return { ran: false }
      held = true
      try {
        return { ran: true, value: await fn() }
      } finally {
        held = false
      }
    }
    let release!: () => void
    register.onSend = () => new Promise<void>((resolve) => (release = resolve))
    const first = engineFor(db, register, { lock }).run()
    await expect.poll(() => register.bodies.length).toBe(1)
    const second = engineFor(other, register, { lock })
    expect(await second.run()).toEqual({ sent: 0, ended: 'busy-elsewhere' })
    // It still checked the register, so its staff screen tells the truth.
    expect(second.getState().connection).toBe('online')
    register.onSend = undefined
    release()
    expect((await first).sent).toBe(1)
    expect(register.bodies).toHaveLength(1)
    expect(register.registered.size).toBe(10)
  })

  it('never deletes a record because it was sent', async () => {
    const db = freshDb()
    await seed(db, records(5))
    await engineFor(db, fakeRegister()).run()
    expect(await db.signatures.count()).toBe(5)
    expect(await db.strokes.count()).toBe(5)
    expect(await db.meta.get(META.lastSuccessAt)).toBeDefined()
  })
})
