import 'fake-indexeddb/auto'
import type { DBCore, DBCoreTable, Middleware } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { sampleSignatures } from '@shared/testing/sample-signatures'
import type { DrawnSignatureRecord } from '@shared/signature'
import { toStored } from '../../../../db/save-signature'
import { KioskDB, type StoredSignature } from '../../../../db/schema'
import { applyAnswer, nextBatch } from '../../../sync/outbox'
import { foldForSearch as fold } from '@shared/normalise'
import {
  SignatureQueryEngine,
  firstViewByIndex,
  reverseKeepingTies,
  type SignatureQuery,
} from './engine'

const RECORDS: DrawnSignatureRecord[] = sampleSignatures({
  count: 400,
  seed: 11,
  kioskId: 'B01',
  eventCode: 'EWRC26',
  firstDay: '2026-10-13',
  days: 3,
  languages: ['en', 'fr', 'pl'],
})
const STORED: StoredSignature[] = RECORDS.map(toStored)

/**
 * Two connections to one fake IndexedDB database, as on the kiosk: `writer` stands for the page
 * (visitor flow, sync, withdrawals), `engine` reads through its own connection, whose signature
 * reads are counted (records returned by any read of the signatures table).
 */
const opened: { writer: KioskDB; reader: KioskDB; engine: SignatureQueryEngine }[] = []
afterEach(async () => {
  for (const { writer, reader, engine } of opened.splice(0)) {
    engine.close()
    reader.close()
    await writer.delete()
  }
})

async function setUp(records: StoredSignature[] = STORED) {
  const name = `engine-${crypto.randomUUID()}`
  const writer = new KioskDB(name)
  await writer.signatures.bulkAdd(records)
  await writer.strokes.bulkAdd(RECORDS.map(({ id, signature }) => ({ id, signature })))
  const reader = new KioskDB(name)
  const reads = { signatures: 0 }
  reader.use(countReads(reads))
  const engine = new SignatureQueryEngine(reader)
  opened.push({ writer, reader, engine })
  engine.start()
  return { writer, reader, engine, reads }
}

/** A middleware that changes some methods of the signatures table (the others pass through). */
function onSignatures(
  name: string,
  wrap: (table: DBCoreTable) => Partial<DBCoreTable>,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName)
        return tableName === 'signatures' ? { ...table, ...wrap(table) } : table
      },
    }),
  }
}

function countReads(reads: { signatures: number }): Middleware<DBCore> {
  return onSignatures('count-signature-reads', (table) => ({
    get: async (req) => {
      const value = await table.get(req)
      if (value !== undefined) reads.signatures += 1
      return value
    },
    getMany: async (req) => {
      const values = await table.getMany(req)
      reads.signatures += values.filter((v) => v !== undefined).length
      return values
    },
    query: async (req) => {
      const answer = await table.query(req)
      if (req.values) reads.signatures += answer.result.length
      return answer
    },
    openCursor: async (req) => {
      const cursor = await table.openCursor(req)
      if (cursor && req.values) reads.signatures += 1
      return cursor
    },
  }))
}

const NO_QUERY: SignatureQuery = { search: '', filters: {}, sorting: [] }
const ALL = { offset: 0, limit: 1_000_000 }
const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id)
/** Ties in primary-key order, as every sort of the table. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

describe('SignatureQueryEngine queries', () => {
  it('answers the first view (newest first) from the createdAt index, then with the counts', async () => {
    const { reader, engine } = await setUp()
    const newest = [...STORED].sort(byId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    const first = { ...NO_QUERY, sorting: [{ id: 'time', desc: true }] }
    // Before the rows are loaded: one page of the index, no counts, nothing else read.
    const early = await firstViewByIndex(reader, { ...first, offset: 0, limit: 60 })
    expect(early).toMatchObject({ total: null, matching: null, offset: 0 })
    expect(ids(early.rows)).toEqual(ids(newest.slice(0, 60)))
    const oldest = await firstViewByIndex(reader, {
      ...first,
      sorting: [{ id: 'time', desc: false }],
      offset: 10,
      limit: 5,
    })
    expect(ids(oldest.rows)).toEqual(ids([...newest].reverse().slice(10, 15)))
    await engine.settled()
    expect(engine.status().loaded).toBe(true)
    const later = await engine.query({ ...first, offset: 120, limit: 30 })
    expect(later).toMatchObject({ total: 400, matching: 400, offset: 120 })
    expect(ids(later.rows)).toEqual(ids(newest.slice(120, 150)))
  })

  it("answers a filtered query from that filter's index before the rows are loaded", async () => {
    const { reader, reads, engine: started } = await setUp()
    await started.settled()
    // Not started: nothing is loaded, so the answer can only come from the index.
    const engine = new SignatureQueryEngine(reader)
    const q: SignatureQuery = {
      search: '',
      filters: { country: 'FR', capacity: 'individual' },
      sorting: [{ id: 'name', desc: false }],
    }
    const french = STORED.filter((r) => r.country === 'FR')
    const expected = [...french]
      .filter((r) => r.capacity === 'individual')
      .sort(byId)
      .sort((a, b) => {
        const x = `${fold(a.lastName)} ${fold(a.firstName)}`
        const y = `${fold(b.lastName)} ${fold(b.firstName)}`
        return x < y ? -1 : x > y ? 1 : 0
      })
    expect(expected.length).toBeGreaterThan(3)
    const before = reads.signatures
    const answer = await engine.query({ ...q, offset: 1, limit: 2 })
    expect(answer).toMatchObject({ total: 400, matching: expected.length, offset: 1 })
    expect(ids(answer.rows)).toEqual(ids(expected.slice(1, 3)))
    // Only the French records were read, not the table.
    expect(reads.signatures - before).toBe(french.length)
  })

  it('filters by every column filter and searches folded words, exactly', async () => {
    const { engine } = await setUp()
    const q: SignatureQuery = {
      search: '',
      filters: { capacity: 'organisation', day: '2026-10-14' },
      sorting: [{ id: 'certificateNo', desc: false }],
    }
    const expected = STORED.filter((r) => r.capacity === 'organisation' && r.day === '2026-10-14')
      .sort((a, b) => a.certificateNo.localeCompare(b.certificateNo))
      .map((r) => r.id)
    expect(expected.length).toBeGreaterThan(10)
    const answer = await engine.query({ ...q, ...ALL })
    expect(answer.matching).toBe(expected.length)
    expect(answer.total).toBe(400)
    expect(ids(answer.rows)).toEqual(expected)
    expect(await engine.matchingIds(q)).toEqual(expected)

    const pl = STORED.filter((r) => r.country === 'PL' && r.syncState === 'pending')
    const country = await engine.query({
      ...NO_QUERY,
      filters: { country: 'PL', sync: 'pending', type: '' },
      ...ALL,
    })
    expect(ids(country.rows)).toEqual(ids([...pl].sort(byId)))

    const regions = STORED.filter((r) => r.organisationType === 'region')
    const typed = await engine.query({ ...NO_QUERY, filters: { type: 'region' }, ...ALL })
    expect(typed.matching).toBe(regions.length)

    // Two folded words, each of which must appear in one of the searched fields.
    const target = STORED[123]!
    const words = [fold(target.lastName), fold(target.firstName).slice(0, 2)]
    const searched = STORED.filter((r) => {
      const text = fold(
        [r.firstName, r.lastName, r.organisationName, r.role, r.email, r.certificateNo, r.city]
          .map((f) => f ?? '')
          .join(' '),
      )
      return words.every((word) => text.includes(word))
    })
    const search = await engine.query({
      ...NO_QUERY,
      search: `  ${target.lastName.toUpperCase()} ${target.firstName.slice(0, 2)} `,
      ...ALL,
    })
    expect(ids(search.rows)).toEqual(ids([...searched].sort(byId)))
    expect(ids(search.rows)).toContain(target.id)
  })

  it('sorts by name case- and accent-insensitively and by several sortings, ties by id', async () => {
    const { engine } = await setUp()
    const name = (r: StoredSignature) => `${fold(r.lastName)} ${fold(r.firstName)}`
    const expected = [...STORED]
      .sort(byId)
      .sort((a, b) => (name(a) < name(b) ? 1 : name(a) > name(b) ? -1 : 0))
    const answer = await engine.query({
      ...NO_QUERY,
      sorting: [{ id: 'name', desc: true }],
      offset: 390,
      limit: 100,
    })
    expect(answer.offset).toBe(390)
    expect(ids(answer.rows)).toEqual(ids(expected.slice(390)))

    const two = await engine.query({
      ...NO_QUERY,
      sorting: [
        { id: 'country', desc: false },
        { id: 'time', desc: true },
      ],
      ...ALL,
    })
    const expectedTwo = [...STORED]
      .sort(byId)
      .sort(
        (a, b) =>
          a.country.localeCompare(b.country) ||
          (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0),
      )
    expect(ids(two.rows)).toEqual(ids(expectedTwo))
  })

  it('gives rows by id, the count of selected rows that match, and the facets', async () => {
    const { engine } = await setUp()
    const some = [STORED[5]!.id, 'missing', STORED[2]!.id]
    expect(ids(await engine.rowsByIds(some))).toEqual([STORED[5]!.id, STORED[2]!.id])
    const organisations = STORED.filter((r) => r.capacity === 'organisation').map((r) => r.id)
    const q = { ...NO_QUERY, filters: { capacity: 'organisation' } }
    const individual = STORED.find((r) => r.capacity === 'individual')!.id
    expect(await engine.countMatching(q, [...organisations, individual, organisations[0]!])).toBe(
      organisations.length,
    )
    expect(await engine.facets()).toEqual({
      days: ['2026-10-15', '2026-10-14', '2026-10-13'],
      countries: [...new Set(STORED.map((r) => r.country))].sort(),
    })
  })
})

describe('SignatureQueryEngine speed-ups keep the answers exact', () => {
  it('gives the first view its count before the rows are loaded', async () => {
    const name = `engine-${crypto.randomUUID()}`
    const writer = new KioskDB(name)
    await writer.signatures.bulkAdd(STORED)
    const reader = new KioskDB(name)
    // The full load (reads by primary key) never ends; the createdAt index and the count work.
    reader.use(
      onSignatures('no-full-load', (table) => ({
        query: (req) =>
          req.values && req.query.index.isPrimaryKey
            ? Promise.reject(new Error('the load is slow today'))
            : table.query(req),
      })),
    )
    const statuses: { loaded: boolean; counted: boolean }[] = []
    const engine = new SignatureQueryEngine(reader, (status) => statuses.push(status))
    opened.push({ writer, reader, engine })
    const errors = console.error
    console.error = () => undefined
    try {
      engine.start()
      await expect.poll(() => engine.status().counted).toBe(true)
      await engine.settled()
    } finally {
      console.error = errors
    }
    expect(statuses).toEqual([expect.objectContaining({ loaded: false, counted: true })])
    const first = { ...NO_QUERY, sorting: [{ id: 'time', desc: true }], offset: 0, limit: 20 }
    const early = await engine.query(first)
    expect(early).toMatchObject({ total: 400, matching: 400, offset: 0 })
    const newest = [...STORED].sort(byId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    expect(ids(early.rows)).toEqual(ids(newest.slice(0, 20)))
    expect(engine.status().loaded).toBe(false)
  })

  it('sorts a column the other way as sorting again would, ties in primary-key order', async () => {
    const { engine } = await setUp()
    const asc = await engine.query({
      ...NO_QUERY,
      sorting: [{ id: 'country', desc: false }],
      ...ALL,
    })
    const desc = await engine.query({
      ...NO_QUERY,
      sorting: [{ id: 'country', desc: true }],
      ...ALL,
    })
    const expected = [...STORED].sort(byId).sort((a, b) => b.country.localeCompare(a.country))
    expect(ids(desc.rows)).toEqual(ids(expected))
    expect(ids(asc.rows)).toEqual(
      ids([...STORED].sort(byId).sort((a, b) => a.country.localeCompare(b.country))),
    )
  })

  it('gives ids and certificate numbers of the matching rows and of rows by id', async () => {
    const { engine } = await setUp()
    const q = {
      ...NO_QUERY,
      filters: { country: 'FR' },
      sorting: [{ id: 'certificateNo', desc: true }],
    }
    const french = STORED.filter((r) => r.country === 'FR').sort((a, b) =>
      b.certificateNo.localeCompare(a.certificateNo),
    )
    expect(await engine.matchingRefs(q)).toEqual({
      ids: ids(french),
      certificateNos: french.map((r) => r.certificateNo),
    })
    expect(await engine.refsByIds([STORED[9]!.id, 'missing', STORED[4]!.id])).toEqual({
      ids: [STORED[9]!.id, STORED[4]!.id],
      certificateNos: [STORED[9]!.certificateNo, STORED[4]!.certificateNo],
    })
  })
})

describe('reverseKeepingTies', () => {
  it('reverses the groups of equal keys, keeping each group in its order', () => {
    const rows = [
      { key: 'a', n: 1 },
      { key: 'a', n: 2 },
      { key: 'b', n: 3 },
      { key: 'c', n: 4 },
      { key: 'c', n: 5 },
    ]
    expect(reverseKeepingTies(rows, (row) => row.key).map((row) => row.n)).toEqual([4, 5, 3, 1, 2])
    expect(reverseKeepingTies([], () => 0)).toEqual([])
  })
})

describe('SignatureQueryEngine failures', () => {
  it('fails the queries that wait for the rows when they cannot be read', async () => {
    const db = new KioskDB(`engine-${crypto.randomUUID()}`)
    await db.open()
    db.close({ disableAutoOpen: true })
    const engine = new SignatureQueryEngine(db)
    engine.start()
    const errors = console.error
    console.error = () => undefined
    try {
      await expect(engine.matchingIds(NO_QUERY)).rejects.toThrow(/closed/i)
      await expect(engine.facets()).rejects.toThrow(/closed/i)
    } finally {
      console.error = errors
      engine.close()
      await db.delete()
    }
  })
})

describe('SignatureQueryEngine changes', () => {
  it('reads a change again by itself when it could not be read, with no other write', async () => {
    const name = `engine-${crypto.randomUUID()}`
    const writer = new KioskDB(name)
    await writer.signatures.bulkAdd(STORED.slice(0, 50))
    const reader = new KioskDB(name)
    let failReads = 0
    reader.use(
      onSignatures('fail-signature-reads', (table) => ({
        getMany: async (req) => {
          if (failReads > 0) {
            failReads -= 1
            throw new Error('simulated read failure')
          }
          return table.getMany(req)
        },
      })),
    )
    const engine = new SignatureQueryEngine(reader, undefined, 20)
    opened.push({ writer, reader, engine })
    engine.start()
    await engine.settled()
    const errors = console.error
    console.error = () => undefined
    try {
      failReads = 1
      await writer.signatures.update(STORED[3]!.id, { printedAt: '2026-10-13T12:00:00.000Z' })
      // The first read of the change fails; the engine tries again on its own.
      await expect
        .poll(async () => (await engine.rowsByIds([STORED[3]!.id]))[0]?.printedAt, {
          timeout: 5_000,
        })
        .toBe('2026-10-13T12:00:00.000Z')
      expect(failReads).toBe(0)
    } finally {
      console.error = errors
    }
  })

  it('reflects a new, an updated and a deleted signature exactly, reading only them', async () => {
    const { writer, reader, engine, reads } = await setUp(STORED.slice(0, 300))
    await engine.settled()
    expect(reads.signatures).toBe(300)

    const added = STORED[300]!
    await writer.signatures.add(added)
    await writer.signatures.update(STORED[7]!.id, { printedAt: '2026-10-13T12:00:00.000Z' })
    await writer.transaction('rw', writer.signatures, async () => {
      await writer.signatures.delete(STORED[8]!.id)
      await writer.signatures.update(STORED[9]!.id, { syncState: 'rejected', syncNote: 'no' })
    })
    await engine.settled()
    // 1 added + 1 updated + (1 deleted, read as missing) + 1 updated: never the whole table.
    expect(reads.signatures).toBe(303)

    const fresh = new SignatureQueryEngine(reader)
    fresh.start()
    await fresh.settled()
    const everything = { ...NO_QUERY, sorting: [{ id: 'time', desc: true }], ...ALL }
    const incremental = await engine.query(everything)
    const reread = await fresh.query(everything)
    fresh.close()
    expect(incremental.total).toBe(300)
    expect(incremental.rows).toEqual(reread.rows)
    expect(ids(incremental.rows)).toContain(added.id)
    expect(ids(incremental.rows)).not.toContain(STORED[8]!.id)
    expect((await engine.rowsByIds([STORED[7]!.id]))[0]!.printedAt).toBe('2026-10-13T12:00:00.000Z')
    expect(await engine.matchingIds({ ...NO_QUERY, filters: { sync: 'rejected' } })).toContain(
      STORED[9]!.id,
    )
    expect(engine.status().version).toBeGreaterThan(1)
  })

  it('reads only the records of a sync answer (≥ 50 records, which Dexie reports as any key)', async () => {
    const { writer, engine, reads } = await setUp()
    await engine.settled()
    const before = reads.signatures
    const batch = await nextBatch(writer, {
      kioskId: 'B01',
      credential: 'test',
      now: new Date('2026-10-13T12:00:00Z'),
      limits: { maxRecords: 120, maxWithdrawals: 0, maxBytes: 10_000_000 },
    })
    expect(batch!.recordIds).toHaveLength(120)
    await applyAnswer(
      writer,
      batch!,
      {
        batchId: batch!.id,
        results: batch!.recordIds.map((id) => ({ id, status: 'accepted' as const })),
        withdrawals: [],
      },
      new Date('2026-10-13T12:00:01Z'),
    )
    await engine.settled()
    expect(reads.signatures - before).toBe(120)
    const synced = await engine.matchingIds({ ...NO_QUERY, filters: { sync: 'synced' } })
    expect(synced.sort()).toEqual([...batch!.recordIds].sort())
  })

  it('reads everything again when the changed keys are unknown, and reflects it exactly', async () => {
    const { writer, engine, reads } = await setUp()
    await engine.settled()
    const before = reads.signatures
    // 60 records in one bulkPut: Dexie no longer lists the keys, only "the whole table".
    const changed = STORED.slice(0, 60).map((r) => ({ ...r, city: 'Zzyzx' }))
    await writer.signatures.bulkPut(changed)
    await engine.settled()
    expect(reads.signatures - before).toBe(400)
    const found = await engine.matchingIds({ ...NO_QUERY, search: 'zzyzx' })
    expect(found.sort()).toEqual(changed.map((r) => r.id).sort())
  })
})
