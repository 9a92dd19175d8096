import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { sampleRecord } from '@shared/testing/sample-record'
import { toStored } from './save-signature'
import { KioskDB } from './schema'
import { RELEASED_V1_STORES } from './testing/released-schemas'

const names: string[] = []
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)))
})

/** The database exactly as version 1 declared it, as an earlier release left it on a kiosk. */
function openVersion1(name: string) {
  const v1 = new Dexie(name)
  v1.version(1).stores(RELEASED_V1_STORES)
  return v1
}

describe('schema upgrades', () => {
  it('v1 → current: strokes move to their own table and the unsent queue is intact', async () => {
    const name = `upgrade-${crypto.randomUUID()}`
    names.push(name)
    const v1 = openVersion1(name)
    const records = [1, 2, 3].map((n) => sampleRecord(n))
    await v1
      .table('signatures')
      .bulkAdd(records.map((r) => ({ ...toStored(r), signature: r.signature })))
    await v1.table('counters').put({ key: 'EWRC26-B01', value: 3 })
    await v1.table('journalQueue').put({ id: records[2]!.id })
    v1.close()

    const db = new KioskDB(name)
    const pending = await db.signatures.where('syncState').equals('pending').toArray()
    expect(pending.map((r) => r.certificateNo)).toEqual(records.map((r) => r.certificateNo))
    expect(pending.every((r) => !('signature' in r))).toBe(true)
    const strokes = await db.strokes.bulkGet(records.map((r) => r.id))
    expect(strokes.map((s) => s?.signature)).toEqual(records.map((r) => r.signature))
    expect((await db.counters.get('EWRC26-B01'))?.value).toBe(3)
    expect(await db.journalQueue.count()).toBe(1)
    db.close()
  })
})
