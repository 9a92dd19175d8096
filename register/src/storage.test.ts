import { describe, expect, it } from 'vitest'
import { batchResponseSchema, type BatchResponse } from '../../electron/shared/register-protocol'
import { describeEachDatabase } from '../testing/databases'
import {
  kioskRecords,
  organisationRecord,
  sampleBatch,
  sampleRecord,
  sampleRecords,
} from '../testing/batches-fixtures'
import { submitBatch, type BatchOutcome } from './batches'
import type { Db, Queryable } from './db/db'
import { migrate, readMigrations } from './db/migrate'
import { createToken, hashToken, kioskForToken, revokeTokens } from './tokens'

function responseOf(outcome: BatchOutcome): BatchResponse {
  if (outcome.kind === 'conflict') throw new Error(`unexpected conflict: ${outcome.message}`)
  return batchResponseSchema.parse(JSON.parse(outcome.json))
}

async function counts(db: Db) {
  const [row] = await db.query<{ signatures: number; batches: number; live: number }>(
    `SELECT (SELECT count(*)::int FROM signatures) AS signatures,
            (SELECT count(*)::int FROM signatures WHERE withdrawn_at IS NULL) AS live,
            (SELECT count(*)::int FROM batches) AS batches`,
  )
  return row
}

describeEachDatabase('register storage', (ctx) => {
  describe('submitBatch', () => {
    it('registers every new record and answers accepted for each, in order', async () => {
      const records = sampleRecords(3)
      const outcome = await submitBatch(ctx.db(), sampleBatch(records))

      expect(outcome.kind).toBe('applied')
      expect(responseOf(outcome).results).toEqual(
        records.map((r) => ({ id: r.id, status: 'accepted' })),
      )
      expect(await counts(ctx.db())).toEqual({ signatures: 3, live: 3, batches: 1 })
    })

    it('answers a replay with the very same bytes and writes nothing', async () => {
      const batch = sampleBatch(sampleRecords(2))
      const first = await submitBatch(ctx.db(), batch)
      const before = await counts(ctx.db())

      // A retry may be re-serialised (other key order) and stamped with its own sentAt.
      const retry = JSON.parse(JSON.stringify({ ...batch, sentAt: '2026-10-13T11:00:00.000Z' }))
      retry.records = retry.records.map((r: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(r).reverse()),
      )
      const second = await submitBatch(ctx.db(), retry)

      expect(second.kind).toBe('replayed')
      expect(second.kind !== 'conflict' && second.json).toBe(
        first.kind !== 'conflict' && first.json,
      )
      expect(await counts(ctx.db())).toEqual(before)
    })

    it('refuses the same batchId with a different body, writing nothing', async () => {
      const batch = sampleBatch(sampleRecords(2))
      await submitBatch(ctx.db(), batch)

      const changed = await submitBatch(ctx.db(), { ...batch, records: sampleRecords(3) })

      expect(changed.kind).toBe('conflict')
      expect(await counts(ctx.db())).toEqual({ signatures: 2, live: 2, batches: 1 })
    })

    it('answers the same signature sent again in another batch as a duplicate', async () => {
      await submitBatch(ctx.db(), sampleBatch([sampleRecord(1)]))

      const again = responseOf(await submitBatch(ctx.db(), sampleBatch([sampleRecord(1)])))

      expect(again.results).toEqual([
        {
          id: sampleRecord(1).id,
          status: 'duplicate',
          reason: 'this signature is already registered',
          certificateNo: 'EWRC26-B01-000001',
        },
      ])
      expect(await counts(ctx.db())).toEqual({ signatures: 1, live: 1, batches: 2 })
    })

    it('recognises one person by normalised email across kiosks and names the first certificate', async () => {
      await submitBatch(
        ctx.db(),
        sampleBatch([sampleRecord(1, { email: 'anna.kowalska@example.eu' })]),
      )
      const otherKiosk = sampleRecord(7, {
        id: '0190f0a0-0000-7000-8000-0000000b0207',
        certificateNo: 'EWRC26-B02-000007',
        kioskId: 'B02',
        email: 'Anna.Kowalska@Example.EU',
      })

      const answer = responseOf(
        await submitBatch(ctx.db(), sampleBatch([otherKiosk], { kioskId: 'B02' })),
      )

      expect(answer.results[0]).toMatchObject({
        id: otherKiosk.id,
        status: 'duplicate',
        certificateNo: 'EWRC26-B01-000001',
      })
      expect(answer.results[0]?.reason).toMatch(/email/)
    })

    it('recognises one organisation by folded name and country, but not in another country', async () => {
      await submitBatch(ctx.db(), sampleBatch([organisationRecord(1, 'Miasto Gdańsk', 'PL')]))

      const answer = responseOf(
        await submitBatch(
          ctx.db(),
          sampleBatch([
            organisationRecord(2, '  MIASTO  gdansk. ', 'PL'),
            organisationRecord(3, 'Miasto Gdańsk', 'DE'),
          ]),
        ),
      )

      expect(answer.results.map((r) => [r.status, r.certificateNo])).toEqual([
        ['duplicate', 'EWRC26-B01-000001'],
        ['accepted', undefined],
      ])
      expect(answer.results[0]?.reason).toMatch(/organisation/)
    })

    it('answers a duplicate inside one batch against the earlier record of that batch', async () => {
      const answer = responseOf(
        await submitBatch(
          ctx.db(),
          sampleBatch([sampleRecord(1), sampleRecord(2, { email: 'visitor1@example.eu' })]),
        ),
      )

      expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'duplicate'])
      expect(answer.results[1]?.certificateNo).toBe('EWRC26-B01-000001')
    })

    it('answers the same record twice in one batch accepted, then duplicate', async () => {
      const answer = responseOf(
        await submitBatch(ctx.db(), sampleBatch([sampleRecord(1), sampleRecord(1)])),
      )

      expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'duplicate'])
      expect(await counts(ctx.db())).toMatchObject({ signatures: 1 })
    })

    it('rejects a schema-invalid record with a readable reason and accepts the others', async () => {
      const bad = { ...sampleRecord(2), email: 'not-an-email', country: 'Poland' }
      const answer = responseOf(
        await submitBatch(
          ctx.db(),
          sampleBatch([sampleRecord(1), bad, 'not a record at all', sampleRecord(3)]),
        ),
      )

      expect(answer.results.map((r) => [r.id, r.status])).toEqual([
        [sampleRecord(1).id, 'accepted'],
        [sampleRecord(2).id, 'rejected'],
        [null, 'rejected'],
        [sampleRecord(3).id, 'accepted'],
      ])
      expect(answer.results[1]?.reason).toMatch(/email/)
      expect(answer.results[1]?.reason).toMatch(/country/)
      expect(await counts(ctx.db())).toEqual({ signatures: 2, live: 2, batches: 1 })
    })

    it('rejects a record whose certificate number belongs to another signature', async () => {
      await submitBatch(ctx.db(), sampleBatch([sampleRecord(1)]))
      const clash = sampleRecord(2, { certificateNo: 'EWRC26-B01-000001' })

      const answer = responseOf(await submitBatch(ctx.db(), sampleBatch([clash])))

      expect(answer.results[0]).toMatchObject({ status: 'rejected' })
      expect(answer.results[0]?.reason).toMatch(/EWRC26-B01-000001/)
    })

    it('erases the personal data of a withdrawn signature and keeps a tombstone', async () => {
      const record = sampleRecord(1, { organisationName: null })
      await submitBatch(ctx.db(), sampleBatch([record, sampleRecord(2)]))
      const withdrawal = {
        id: record.id,
        certificateNo: record.certificateNo,
        withdrawnAt: '2026-10-13T12:00:00.000Z',
      }

      const answer = responseOf(
        await submitBatch(ctx.db(), sampleBatch([], { withdrawals: [withdrawal] })),
      )

      expect(answer.withdrawals).toEqual([{ id: record.id, status: 'withdrawn' }])
      const [row] = await ctx
        .db()
        .query<Record<string, unknown>>('SELECT * FROM signatures WHERE id = $1', [record.id])
      expect(row).toMatchObject({
        certificate_no: record.certificateNo,
        record: null,
        email_key: null,
        org_key: null,
        capacity: null,
        country: null,
      })
      expect(row?.withdrawn_at).not.toBeNull()
      expect(JSON.stringify(row)).not.toContain(record.lastName)
      expect(await counts(ctx.db())).toEqual({ signatures: 2, live: 1, batches: 2 })

      // The same person may sign again once withdrawn: their email is free again…
      const again = sampleRecord(3, { email: record.email })
      // …but the withdrawn signature itself is never restored.
      const resent = responseOf(await submitBatch(ctx.db(), sampleBatch([record, again])))
      expect(resent.results.map((r) => [r.status, r.reason])).toEqual([
        ['duplicate', 'this signature was withdrawn'],
        ['accepted', undefined],
      ])
    })

    it('keeps a tombstone for a withdrawal that arrives before its record', async () => {
      const record = sampleRecord(1)
      const withdrawal = {
        id: record.id,
        certificateNo: record.certificateNo,
        withdrawnAt: '2026-10-13T12:00:00.000Z',
      }
      const early = responseOf(
        await submitBatch(ctx.db(), sampleBatch([], { withdrawals: [withdrawal] })),
      )
      const late = responseOf(await submitBatch(ctx.db(), sampleBatch([record])))

      expect(early.withdrawals[0]?.status).toBe('withdrawn')
      expect(late.results[0]).toMatchObject({
        status: 'duplicate',
        reason: 'this signature was withdrawn',
      })
      expect(await counts(ctx.db())).toEqual({ signatures: 1, live: 0, batches: 2 })
    })

    it('applies a record and its withdrawal sent in the same batch', async () => {
      const record = sampleRecord(1)
      const answer = responseOf(
        await submitBatch(
          ctx.db(),
          sampleBatch([record], {
            withdrawals: [
              { id: record.id, certificateNo: record.certificateNo, withdrawnAt: record.createdAt },
            ],
          }),
        ),
      )

      expect(answer.results[0]?.status).toBe('accepted')
      expect(answer.withdrawals[0]?.status).toBe('withdrawn')
      expect(await counts(ctx.db())).toEqual({ signatures: 1, live: 0, batches: 1 })
    })

    it('rejects a withdrawal whose certificate number does not match the signature', async () => {
      await submitBatch(ctx.db(), sampleBatch([sampleRecord(1)]))
      const answer = responseOf(
        await submitBatch(
          ctx.db(),
          sampleBatch([], {
            withdrawals: [
              {
                id: sampleRecord(1).id,
                certificateNo: 'EWRC26-B01-000099',
                withdrawnAt: '2026-10-13T12:00:00.000Z',
              },
            ],
          }),
        ),
      )

      expect(answer.withdrawals[0]?.status).toBe('rejected')
      expect(await counts(ctx.db())).toMatchObject({ live: 1 })
    })

    it('writes nothing of a batch that fails half-way, and takes it whole on the retry', async () => {
      const batch = sampleBatch(sampleRecords(5))
      // Fails after the records went in, on storing the response: the last write of the batch.
      const failing = failOn(ctx.db(), /UPDATE batches SET response/)

      await expect(submitBatch(failing, batch)).rejects.toThrow(/disk full/)
      expect(await counts(ctx.db())).toEqual({ signatures: 0, live: 0, batches: 0 })

      const retried = responseOf(await submitBatch(ctx.db(), batch))
      expect(retried.results.every((r) => r.status === 'accepted')).toBe(true)
      expect(await counts(ctx.db())).toEqual({ signatures: 5, live: 5, batches: 1 })
    })

    it('writes a batch once when two copies race on two connections', async () => {
      const batch = sampleBatch(sampleRecords(20))
      let claimed!: () => void
      let release!: () => void
      const isClaimed = new Promise<void>((resolve) => (claimed = resolve))
      const released = new Promise<void>((resolve) => (release = resolve))

      const first = submitBatch(ctx.db(), batch, {
        afterClaim: async () => {
          claimed()
          await released
        },
      })
      await isClaimed
      const second = submitBatch(ctx.db(), structuredClone(batch))
      // The second copy is now inside its own transaction, waiting on the first one's batch row.
      await ctx.waitForBlockedTransaction()
      release()
      const [a, b] = await Promise.all([first, second])

      expect(a.kind).toBe('applied')
      expect(b.kind).toBe('replayed')
      expect(b.kind !== 'conflict' && b.json).toBe(a.kind !== 'conflict' && a.json)
      expect(await counts(ctx.db())).toEqual({ signatures: 20, live: 20, batches: 1 })
    })

    it('lets one of two kiosks racing with the same person win and answers the other duplicate', async () => {
      const email = 'same.person@example.eu'
      const fromB01 = sampleRecord(1, { email })
      const fromB02 = sampleRecord(2, {
        kioskId: 'B02',
        certificateNo: 'EWRC26-B02-000001',
        email,
      })

      const answers = await Promise.all([
        submitBatch(ctx.db(), sampleBatch([fromB01, ...sampleRecords(30, 100)])),
        submitBatch(
          ctx.db(),
          sampleBatch([fromB02, ...kioskRecords('B02', 30, 200)], { kioskId: 'B02' }),
        ),
      ])

      const statuses = answers.map((o) => responseOf(o).results[0]?.status).sort()
      expect(statuses).toEqual(['accepted', 'duplicate'])
      expect(await counts(ctx.db())).toEqual({ signatures: 61, live: 61, batches: 2 })
    })
  })

  describe('kiosk tokens', () => {
    it('stores only the SHA-256 of a token and recognises the token by it', async () => {
      const token = await createToken(ctx.db(), 'B03')

      const rows = await ctx.db().query<Record<string, unknown>>('SELECT * FROM kiosk_tokens')
      expect(rows).toHaveLength(1)
      expect(rows[0]?.token_sha256).toBe(hashToken(token))
      expect(JSON.stringify(rows)).not.toContain(token)
      expect(await kioskForToken(ctx.db(), token)).toBe('B03')
      expect(await kioskForToken(ctx.db(), token.slice(0, -1))).toBeNull()
    })

    it('keeps older tokens valid until the kiosk is revoked, then refuses them all', async () => {
      const first = await createToken(ctx.db(), 'B03')
      const second = await createToken(ctx.db(), 'B03')
      const other = await createToken(ctx.db(), 'B04')

      expect(await kioskForToken(ctx.db(), first)).toBe('B03')
      expect(await revokeTokens(ctx.db(), 'B03')).toBe(2)
      expect(await kioskForToken(ctx.db(), first)).toBeNull()
      expect(await kioskForToken(ctx.db(), second)).toBeNull()
      expect(await kioskForToken(ctx.db(), other)).toBe('B04')
      expect(await revokeTokens(ctx.db(), 'B03')).toBe(0)
    })

    it('refuses a kiosk id that could not appear in a certificate number', async () => {
      await expect(createToken(ctx.db(), 'b03; drop')).rejects.toThrow(/capital letters/)
    })
  })

  describe('migrations', () => {
    it('records each applied version and applies nothing twice', async () => {
      expect(await migrate(ctx.db())).toEqual([])
      const versions = await ctx
        .db()
        .query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      expect(versions.map((v) => v.version)).toEqual((await readMigrations()).map((m) => m.version))
    })
  })
})

/** The database, except that statements matching `pattern` fail like a full disk. */
function failOn(db: Db, pattern: RegExp): Db {
  return {
    ...db,
    transaction: (fn) =>
      db.transaction((tx) => {
        const faulty: Queryable = {
          exec: (sql) => tx.exec(sql),
          query: (sql, params) =>
            pattern.test(sql) ? Promise.reject(new Error('disk full')) : tx.query(sql, params),
        }
        return fn(faulty)
      }),
  }
}
