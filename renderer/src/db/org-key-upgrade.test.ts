import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { sampleRecord } from '@shared/testing/sample-record'
import { saveSignature, toStored } from './save-signature'
import { KioskDB, type StoredSignature } from './schema'
import { RELEASED_V5_STORES } from './testing/released-schemas'
import { sampleDraft } from './testing/test-db'

const names: string[] = []
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)))
})

const ctx = { eventCode: 'EWRC26', kioskId: 'B03', timeZone: 'Europe/Brussels' }
const danish = {
  capacity: 'organisation' as const,
  organisationType: 'city' as const,
  organisationName: 'Østergaard Kommune',
  role: 'Borgmester',
  email: null,
  country: 'DK',
}

/** A kiosk database as release v5 left it, with signatures whose keys that release computed. */
async function version5With(records: StoredSignature[]): Promise<string> {
  const name = `org-key-${crypto.randomUUID()}`
  names.push(name)
  const v5 = new Dexie(name)
  v5.version(5).stores(RELEASED_V5_STORES)
  await v5.table('signatures').bulkAdd(records)
  v5.close()
  return name
}

describe('schema v6: organisation keys folded like the search', () => {
  it('recomputes keys stored before, so an old record still catches the duplicate', async () => {
    const old = { ...toStored(sampleRecord(1, danish)), orgKey: 'DK|østergaard kommune' }
    const person = toStored(sampleRecord(2, { email: 'ana@example.eu' }))
    const purged = { ...toStored(sampleRecord(3, danish)), orgKey: null, organisationName: null }
    const name = await version5With([old, person, purged])

    const db = new KioskDB(name)
    const upgraded = await db.signatures.bulkGet([old.id, person.id, purged.id])
    expect(upgraded.map((r) => r?.orgKey)).toEqual(['DK|ostergaard kommune', null, null])
    expect(upgraded[1]?.emailKey).toBe('ana@example.eu')

    const again = sampleDraft(4, { ...danish, organisationName: 'OSTERGAARD kommune' })
    expect(await saveSignature(db, again, ctx)).toEqual({ status: 'duplicate', by: 'organisation' })
    expect(await db.signatures.count()).toBe(3)
    db.close()
  })
})
