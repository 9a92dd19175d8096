/**
 * Property-based fuzz of `POST /v1/batches`: whatever the body, the register answers below 500,
 * writes nothing for a refused request, and for a 200 writes exactly what it answered accepted
 * (plus the tombstones of withdrawals it took). Another kiosk's signatures never change.
 */
import fc from 'fast-check'
import { afterEach, expect, it } from 'vitest'
import { batchResponseSchema } from '../../electron/shared/register-protocol'
import { describeEachDatabase } from '../testing/databases'
import { kioskRecords, sampleBatch, sampleRecord } from '../testing/batches-fixtures'
import { postBatch, sendBatch, useApps } from '../testing/inject'
import type { Db } from './db/db'
import { createToken } from './tokens'

const apps = useApps()
afterEach(() => apps.closeAll())

const NOW = new Date('2026-10-13T10:00:00.000Z')
const RUNS = 500
const AT = '2026-10-13T09:30:00.000Z'
const TEXT_FIELDS = ['firstName', 'lastName', 'city', 'role', 'organisationName'] as const
const RECORD_FIELDS = [
  ...TEXT_FIELDS,
  'id',
  'certificateNo',
  'kioskId',
  'eventCode',
  'createdAt',
  'day',
  'language',
  'capacity',
  'organisationType',
  'email',
  'country',
  'consents',
  'signature',
] as const
// A few fixed batch ids, so that some bodies replay or conflict with an earlier one.
const REUSED_IDS = ['0190f0a0-0000-7000-8000-00000000aa01', '0190f0a0-0000-7000-8000-00000000aa02']

const theirs = kioskRecords('B02', 3)

const badString = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\u0000', '\ud800', '\udfff', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f'),
    fc.string({ maxLength: 8 }),
  )
  .map((parts) => parts.join(''))

const n = fc.integer({ min: 1, max: 999_999 })
const goodRecord = n.map((i) => sampleRecord(i))

const recordArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: goodRecord },
  {
    weight: 3,
    arbitrary: fc
      .tuple(goodRecord, fc.constantFrom(...TEXT_FIELDS), badString)
      .map(([record, field, bad]) => ({ ...record, [field]: bad })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(goodRecord, fc.constantFrom(...RECORD_FIELDS), fc.jsonValue({ maxDepth: 3 }))
      .map(([record, field, value]) => ({ ...record, [field]: value })),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom(...theirs),
      n.map((i) => sampleRecord(i, { kioskId: 'B02' })),
      n.map((i) => sampleRecord(i, { certificateNo: `EWRC26-B02-${String(i).padStart(6, '0')}` })),
      n.map((i) => ({ ...kioskRecords('B02', 1, i)[0], kioskId: 'B01' })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      n.map((i) => sampleRecord(i, { country: 'XX' })),
      n.map((i) => sampleRecord(i, { createdAt: '2026-10-13T11:00:00.000Z' })),
      n.map((i) => sampleRecord(i, { day: '2026-10-01' })),
      n.map((i) =>
        sampleRecord(i, { signature: { width: 10, height: 10, strokes: [[0, 0, 11, 11]] } }),
      ),
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
)

const ownRef = n.map((i) => sampleRecord(i))
const foreignRef = fc.oneof(
  fc.constantFrom(...theirs),
  fc.tuple(fc.uuid(), n).map(([id, i]) => ({
    id,
    certificateNo: `EWRC26-B02-${String(i).padStart(6, '0')}`,
  })),
)
const withdrawalArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: ownRef.map((r) => ({ id: r.id, certificateNo: r.certificateNo, withdrawnAt: AT })),
  },
  {
    weight: 6,
    arbitrary: foreignRef.map((r) => ({
      id: r.id,
      certificateNo: r.certificateNo,
      withdrawnAt: AT,
    })),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)
const consents = fc.record({
  newsletter: fc.boolean(),
  publishName: fc.boolean(),
  localStory: fc.boolean(),
  localEvents: fc.boolean(),
})
const changeArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(ownRef, consents).map(([r, c]) => ({
      id: r.id,
      certificateNo: r.certificateNo,
      changedAt: AT,
      consents: c,
    })),
  },
  {
    weight: 6,
    arbitrary: fc.tuple(foreignRef, consents).map(([r, c]) => ({
      id: r.id,
      certificateNo: r.certificateNo,
      changedAt: AT,
      consents: c,
    })),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

// Garbage is rare among withdrawals and consent changes (half the batches carry none): one makes
// the whole batch 400, and the per-item checks need batches that are answered 200.
const rarely = (item: fc.Arbitrary<unknown>) =>
  fc.oneof(fc.constant([]), fc.array(item, { maxLength: 3 }))

const batchArb = fc
  .record({
    batchId: fc.oneof({ weight: 5, arbitrary: fc.uuid() }, fc.constantFrom(...REUSED_IDS)),
    kioskId: fc.oneof({ weight: 9, arbitrary: fc.constant('B01') }, fc.constant('B02')),
    records: fc.array(recordArb, { maxLength: 8 }),
    withdrawals: rarely(withdrawalArb),
    consentChanges: rarely(changeArb),
  })
  .map((batch) => ({ ...sampleBatch([]), ...batch }))

const bodyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: batchArb.map((b) => JSON.stringify(b)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        batchArb,
        fc.constantFrom('batchId', 'kioskId', 'sentAt', 'records', 'withdrawals', 'consentChanges'),
        fc.jsonValue({ maxDepth: 3 }),
      )
      .map(([batch, key, value]) => JSON.stringify({ ...batch, [key]: value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 25, max: 50_000 }), fc.constantFrom('[', '{"a":'))
      .map(([depth, open]) => {
        const close = open === '[' ? ']' : '}'
        const inner = open === '[' ? '' : '1'
        return JSON.stringify(sampleBatch([])).replace(
          '"records":[]',
          `"records":[${open.repeat(depth)}${inner}${close.repeat(depth)}]`,
        )
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('records', 'withdrawals', 'consentChanges')
      .map((key) =>
        JSON.stringify({ ...sampleBatch([]), [key]: Array.from({ length: 251 }, () => ({})) }),
      ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.constant(
      JSON.stringify(sampleBatch([])).replace('{', '{"__proto__":{"polluted":true},'),
    ),
  },
)

interface State {
  signatures: number
  batches: number
  checksum: string
  ids: Set<string>
  batchIds: Set<string>
}

async function stateOf(db: Db, where = 'true'): Promise<State> {
  const [sum] = await db.query<{ checksum: string }>(
    `SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY s.id), '')) AS checksum
       FROM signatures s WHERE ${where}`,
  )
  const ids = await db.query<{ id: string }>(`SELECT id::text AS id FROM signatures WHERE ${where}`)
  const batches = await db.query<{ id: string }>('SELECT batch_id::text AS id FROM batches')
  return {
    signatures: ids.length,
    batches: batches.length,
    checksum: sum?.checksum ?? '',
    ids: new Set(ids.map((r) => r.id)),
    batchIds: new Set(batches.map((r) => r.id)),
  }
}

describeEachDatabase('POST /v1/batches under fuzzing', (ctx) => {
  it(
    `answers ${RUNS} generated bad bodies below 500, writing only what it accepts`,
    { timeout: 120_000 },
    async () => {
      const db = ctx.db()
      const b01 = await createToken(db, 'B01')
      const b02 = await createToken(db, 'B02')
      const app = await apps.open(db, {
        now: () => NOW,
        rateLimit: { max: 1_000_000, windowMs: 60_000 },
      })
      await sendBatch(app, sampleBatch(theirs, { kioskId: 'B02' }), b02)
      const otherKiosk = await stateOf(db, "kiosk_id = 'B02'")
      const statuses = new Map<number, number>()

      await fc.assert(
        fc.asyncProperty(bodyArb, async (body) => {
          const before = await stateOf(db)
          const res = await postBatch(app, body, b01)
          const after = await stateOf(db)
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)

          expect(res.statusCode, res.body).toBeLessThan(500)
          expect((await stateOf(db, "kiosk_id = 'B02'")).checksum).toBe(otherKiosk.checksum)
          if (res.statusCode !== 200) {
            expect(after).toEqual(before)
            return
          }
          const answer = batchResponseSchema.parse(res.json())
          if (before.batchIds.has(answer.batchId)) {
            expect(after).toEqual(before)
            return
          }
          const written = await db.query<{ id: string; kiosk_id: string }>(
            'SELECT id::text AS id, kiosk_id FROM signatures WHERE batch_id = $1',
            [answer.batchId],
          )
          const accepted = answer.results.filter((r) => r.status === 'accepted').map((r) => r.id)
          const tombstones = new Set(
            answer.withdrawals
              .filter((w) => w.status === 'withdrawn')
              .map((w) => w.id)
              .filter((id) => !before.ids.has(id) && !accepted.includes(id)),
          )
          expect(after.batches).toBe(before.batches + 1)
          expect(after.signatures - before.signatures).toBe(written.length)
          expect(written.length).toBe(accepted.length + tombstones.size)
          expect(written.map((r) => r.id).sort()).toEqual(
            [...accepted, ...tombstones].map(String).sort(),
          )
          expect(written.every((r) => r.kiosk_id === 'B01')).toBe(true)
        }),
        { numRuns: RUNS },
      )
      // The generators must reach every kind of answer, or the fuzz proves little.
      expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 403, 409, 413]))
      console.info(`${ctx.name} fuzz answers:`, Object.fromEntries(statuses))
    },
  )
})
