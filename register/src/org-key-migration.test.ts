import { describe, expect, it } from 'vitest'
import { batchResponseSchema } from '../../electron/shared/register-protocol'
import { describeEachDatabase } from '../testing/databases'
import { organisationRecord, sampleBatch } from '../testing/batches-fixtures'
import { submitBatch } from './batches'
import type { Db } from './db/db'
import { readMigrations } from './db/migrate'

async function resultsOf(db: Db, records: unknown[]) {
  const outcome = await submitBatch(db, sampleBatch(records))
  if (outcome.kind === 'conflict') throw new Error(outcome.message)
  return batchResponseSchema.parse(JSON.parse(outcome.json)).results
}

/** As a register before migration 005 stored the key: NFKD folding only, ø and ß left whole. */
async function setOldKey(db: Db, id: string, key: string) {
  await db.query('UPDATE signatures SET org_key = $2 WHERE id = $1', [id, key])
}

async function keyOf(db: Db, id: string) {
  const [row] = await db.query<{ org_key: string | null }>(
    'SELECT org_key FROM signatures WHERE id = $1',
    [id],
  )
  return row?.org_key
}

/** Runs migration 005 again on the (already migrated) database, over the rows set up. */
async function refold(db: Db) {
  const migration = (await readMigrations()).find((m) => m.version === 5)
  if (!migration) throw new Error('migration 005 is missing')
  await db.transaction((tx) => tx.exec(migration.sql))
}

describeEachDatabase('migration 005: organisation keys folded like the search', (ctx) => {
  it('recomputes an old key, so the old record still catches the duplicate', async () => {
    const db = ctx.db()
    const old = organisationRecord(1, 'Østergaard Kommune', 'DK')
    const german = organisationRecord(2, 'Kunst-Straße e.V.', 'DE')
    expect((await resultsOf(db, [old, german])).map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
    ])
    await setOldKey(db, old.id, 'DK|østergaard kommune')
    await setOldKey(db, german.id, 'DE|kunst straße e v')

    await refold(db)

    expect(await keyOf(db, old.id)).toBe('DK|ostergaard kommune')
    expect(await keyOf(db, german.id)).toBe('DE|kunst strasse e v')
    const again = organisationRecord(3, 'OSTERGAARD kommune', 'DK')
    expect(await resultsOf(db, [again])).toEqual([
      expect.objectContaining({
        id: again.id,
        status: 'duplicate',
        certificateNo: old.certificateNo,
      }),
    ])
  })

  it('keeps the key on the first received of two spellings that now meet', async () => {
    const db = ctx.db()
    const first = organisationRecord(1, 'Łódź Miasto', 'PL')
    await resultsOf(db, [first])
    await setOldKey(db, first.id, 'PL|łodz miasto')
    // The old keys differed, so the register took the second spelling as a new organisation.
    const second = organisationRecord(2, 'Lodz miasto', 'PL')
    expect((await resultsOf(db, [second]))[0]?.status).toBe('accepted')

    await refold(db)

    expect(await keyOf(db, first.id)).toBe('PL|lodz miasto')
    expect(await keyOf(db, second.id)).toBeNull()
    const third = organisationRecord(3, 'ŁÓDŹ MIASTO', 'PL')
    expect(await resultsOf(db, [third])).toEqual([
      expect.objectContaining({ status: 'duplicate', certificateNo: first.certificateNo }),
    ])
  })
})

describe('migration 005 file', () => {
  it('is read as version 5', async () => {
    expect((await readMigrations()).map((m) => m.version)).toContain(5)
  })
})
