import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { BatchResponse } from '@shared/register-protocol'
import { sampleRecord } from '@shared/testing/sample-record'
import { toStored } from '../../db/save-signature'
import { KioskDB } from '../../db/schema'
import { latestConsentChange, recordConsentChange } from '../staff/signatures/consent-change'
import { applyAnswer, nextBatch } from './outbox'
import { combineStatus, readSyncFacts } from './status'

const opened: KioskDB[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()))
})

async function dbWithSynced(count: number): Promise<KioskDB> {
  const db = new KioskDB(`consent-${crypto.randomUUID()}`)
  opened.push(db)
  // Each signed up for the newsletter, so stopping it is a change.
  const consents = {
    endorse: true as const,
    newsletter: true,
    publishName: true,
    localStory: false,
  }
  const records = Array.from({ length: count }, (_, i) => sampleRecord(i + 1, { consents }))
  await db.signatures.bulkAdd(
    records.map((r) => ({ ...toStored(r), syncState: 'synced' as const, syncedAt: r.createdAt })),
  )
  await db.strokes.bulkAdd(records.map((r) => ({ id: r.id, signature: r.signature })))
  return db
}

const NOW = new Date('2026-10-13T12:00:00.000Z')
const options = { kioskId: 'B03', credential: 'c', now: NOW }
const STOP_NEWSLETTER = {
  newsletter: false,
  publishName: true,
  localStory: false,
  localEvents: false,
}

describe('recordConsentChange', () => {
  it('changes the record, queues the change and audits names only, in one go', async () => {
    const db = await dbWithSynced(1)
    const [record] = await db.signatures.toArray()
    const change = await recordConsentChange(db, record!.id, STOP_NEWSLETTER, { now: NOW })
    expect(change).toMatchObject({
      certificateNo: record!.certificateNo,
      consents: STOP_NEWSLETTER,
      syncState: 'pending',
    })
    expect((await db.signatures.get(record!.id))?.consents).toEqual({
      endorse: true,
      ...STOP_NEWSLETTER,
    })
    const [line] = await db.audit.where('action').equals('consent-change').toArray()
    expect(line?.detail).toBe(`Consents changed for ${record!.certificateNo}: newsletter off`)
    expect(line?.detail).not.toContain(record!.lastName)
  })

  it('writes nothing when no consent differs', async () => {
    const db = await dbWithSynced(1)
    const [record] = await db.signatures.toArray()
    const same = { ...record!.consents, localEvents: !!record!.consents.localEvents }
    expect(await recordConsentChange(db, record!.id, same)).toBeNull()
    expect(await db.consentChanges.count()).toBe(0)
    expect(await db.audit.count()).toBe(0)
  })

  it('refuses a signature that is gone, changing nothing', async () => {
    const db = await dbWithSynced(0)
    await expect(recordConsentChange(db, crypto.randomUUID(), STOP_NEWSLETTER)).rejects.toThrow(
      'no longer exists',
    )
    expect(await db.consentChanges.count()).toBe(0)
  })
})

describe('outbox: consent changes', () => {
  it('sends a pending change in the next batch as consentChanges, even with no record pending', async () => {
    const db = await dbWithSynced(2)
    const [first] = await db.signatures.toArray()
    const change = await recordConsentChange(db, first!.id, STOP_NEWSLETTER, { now: NOW })
    const batch = await nextBatch(db, options)
    expect(batch?.recordIds).toEqual([])
    expect(batch?.consentChangeIds).toEqual([change!.id])
    const body = JSON.parse(batch!.body) as { consentChanges: unknown[] }
    expect(body.consentChanges).toEqual([
      {
        id: change!.id,
        certificateNo: first!.certificateNo,
        changedAt: NOW.toISOString(),
        consents: STOP_NEWSLETTER,
      },
    ])
    // In a batch not yet answered: not taken again.
    expect(await nextBatch(db, { ...options, now: new Date(NOW.getTime() + 1) })).toEqual(batch)
  })

  it("marks each change done or rejected with the register's reason", async () => {
    const db = await dbWithSynced(2)
    const [a, b] = await db.signatures.toArray()
    const first = await recordConsentChange(db, a!.id, STOP_NEWSLETTER, { now: NOW })
    const second = await recordConsentChange(db, b!.id, { ...STOP_NEWSLETTER, publishName: false })
    const batch = (await nextBatch(db, options))!
    const answer = {
      batchId: batch.id,
      results: [],
      withdrawals: [],
      consentChanges: [
        { id: first!.id, status: 'changed' },
        { id: second!.id, status: 'rejected', reason: 'certificate withdrawn' },
      ],
    } as BatchResponse
    const counts = await applyAnswer(db, batch, answer, NOW)
    expect(counts.consentsChanged).toBe(1)
    expect(await latestConsentChange(db, a!.id)).toMatchObject({ syncState: 'changed' })
    expect(await latestConsentChange(db, b!.id)).toMatchObject({
      syncState: 'rejected',
      syncNote: 'certificate withdrawn',
    })
    expect(await nextBatch(db, options)).toBeNull()
  })

  it('a register answering without consentChanges leaves the change rejected, with a reason', async () => {
    const db = await dbWithSynced(1)
    const [a] = await db.signatures.toArray()
    await recordConsentChange(db, a!.id, STOP_NEWSLETTER, { now: NOW })
    const batch = (await nextBatch(db, options))!
    await applyAnswer(db, batch, { batchId: batch.id, results: [], withdrawals: [] }, NOW)
    expect(await latestConsentChange(db, a!.id)).toMatchObject({
      syncState: 'rejected',
      syncNote: 'The register did not answer this consent change.',
    })
  })

  it('a pending consent change means it is not yet safe to switch off', async () => {
    const db = await dbWithSynced(1)
    const idle = { sending: false } as Parameters<typeof combineStatus>[1]
    expect(combineStatus(await readSyncFacts(db), idle).safeToSwitchOff).toBe(true)
    const [a] = await db.signatures.toArray()
    await recordConsentChange(db, a!.id, STOP_NEWSLETTER, { now: NOW })
    const facts = await readSyncFacts(db)
    expect(facts.pendingConsentChanges).toBe(1)
    expect(combineStatus(facts, idle).safeToSwitchOff).toBe(false)
  })
})
