import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { afterEach, expect, it } from 'vitest'
import { sampleRecord } from '@shared/testing/sample-record'
import type { SignatureRecord } from '@shared/signature'
import { toStored } from '../../db/save-signature'
import { KioskDB } from '../../db/schema'
import { RELEASED_V1_STORES } from '../../db/testing/released-schemas'
import { SyncEngine } from './engine'
import { fakeRegister } from './testing/fake-register'

const names: string[] = []
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)))
})

/** A kiosk database as an earlier release left it, with an unsent queue in it. */
async function olderDatabase(version: 1 | 2, records: SignatureRecord[]): Promise<string> {
  const name = `upgrade-${crypto.randomUUID()}`
  names.push(name)
  const old = new Dexie(name)
  old.version(1).stores(RELEASED_V1_STORES)
  if (version === 2) old.version(2).stores({ strokes: 'id' })
  if (version === 1) {
    await old
      .table('signatures')
      .bulkAdd(records.map((r) => ({ ...toStored(r), signature: r.signature })))
  } else {
    await old.table('signatures').bulkAdd(records.map(toStored))
    await old.table('strokes').bulkAdd(records.map((r) => ({ id: r.id, signature: r.signature })))
  }
  // One already sent before the upgrade, one withdrawal not yet sent.
  await old.table('signatures').update(records[0]!.id, {
    syncState: 'synced',
    syncedAt: '2026-10-13T09:30:00.000Z',
  })
  await old.table('tombstones').put({
    id: '0190f0a0-0000-7000-8000-999999999999',
    certificateNo: 'EWRC26-B01-000999',
    withdrawnAt: '2026-10-13T09:45:00.000Z',
    syncState: 'pending',
  })
  old.close()
  return name
}

for (const version of [1, 2] as const) {
  it(`v${version} → current: the unsent queue survives and is then sent whole, strokes included`, async () => {
    const records = [1, 2, 3, 4].map((n) => sampleRecord(n))
    const name = await olderDatabase(version, records)

    const db = new KioskDB(name)
    const pending = await db.signatures.where('syncState').equals('pending').primaryKeys()
    expect(pending.sort()).toEqual(
      records
        .slice(1)
        .map((r) => r.id)
        .sort(),
    )
    expect(await db.tombstones.where('syncState').equals('pending').count()).toBe(1)
    expect(await db.batches.count()).toBe(0)

    const register = fakeRegister()
    const engine = new SyncEngine({
      db,
      api: register.api,
      lock: async (fn) => ({ ran: true, value: await fn() }),
    })
    expect((await engine.run()).sent).toBe(1)
    const sent = JSON.parse(register.bodies[0]!) as { records: SignatureRecord[] }
    expect(sent.records).toEqual(records.slice(1))
    expect(register.withdrawn.size).toBe(1)
    expect(await db.signatures.where('syncState').equals('synced').count()).toBe(4)
    db.close()
  })
}
