import { describe, expect, it } from 'vitest'
import { saveSignature, type SignatureDraft } from './save-signature'
import { sampleDraft, testDatabases } from './testing/test-db'

const ctx = { eventCode: 'EWRC26', kioskId: 'B03', timeZone: 'Europe/Brussels' }
const freshDb = testDatabases()
const draft = sampleDraft

describe('saveSignature', () => {
  it('stores exactly what was entered, numbered, dated in the event time zone', async () => {
    const db = freshDb()
    const outcome = await saveSignature(
      db,
      draft(1, { firstName: 'Ξανθή', lastName: 'Мария-Йорданова', email: 'X@Example.EU' }),
      ctx,
      new Date('2026-10-13T22:30:00Z'),
    )
    expect(outcome.status).toBe('saved')
    const stored = await db.signatures.toArray()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      firstName: 'Ξανθή',
      lastName: 'Мария-Йорданова',
      email: 'x@example.eu',
      certificateNo: 'EWRC26-B03-000001',
      day: '2026-10-14',
      syncState: 'pending',
    })
    expect(await db.journalQueue.count()).toBe(1)
  })

  it('saves a double-tapped confirm once', async () => {
    const db = freshDb()
    const once = draft(1)
    const [a, b] = await Promise.all([saveSignature(db, once, ctx), saveSignature(db, once, ctx)])
    expect(await db.signatures.count()).toBe(1)
    expect(
      a.status === 'saved' &&
        b.status === 'saved' &&
        a.record.certificateNo === b.record.certificateNo,
    ).toBe(true)
  })

  it('numbers 200 rapid signatures uniquely and consecutively', async () => {
    const db = freshDb()
    await Promise.all(Array.from({ length: 200 }, (_, i) => saveSignature(db, draft(i + 1), ctx)))
    const numbers = (await db.signatures.orderBy('certificateNo').toArray()).map(
      (r) => r.certificateNo,
    )
    expect(numbers).toHaveLength(200)
    expect(numbers[0]).toBe('EWRC26-B03-000001')
    expect(numbers[199]).toBe('EWRC26-B03-000200')
    expect(new Set(numbers).size).toBe(200)
  })

  it('refuses a second signature by the same email or the same organisation, revealing nothing', async () => {
    const db = freshDb()
    await saveSignature(db, draft(1, { email: 'ana@example.eu' }), ctx)
    expect(await saveSignature(db, draft(2, { email: ' ANA@example.eu ' }), ctx)).toEqual({
      status: 'duplicate',
      by: 'person',
    })
    const org = {
      capacity: 'organisation' as const,
      organisationType: 'region' as const,
      organisationName: 'Région Île-de-France',
      role: 'Président',
      email: null,
      country: 'FR',
    }
    await saveSignature(db, draft(3, org), ctx)
    expect(
      await saveSignature(db, draft(4, { ...org, organisationName: 'region ile de france' }), ctx),
    ).toEqual({
      status: 'duplicate',
      by: 'organisation',
    })
    // A second representative with an email of their own is still the same organisation.
    expect(await saveSignature(db, draft(5, { ...org, email: 'marie@example.fr' }), ctx)).toEqual({
      status: 'duplicate',
      by: 'organisation',
    })
    expect(await db.signatures.count()).toBe(2)
    expect((await db.counters.toArray())[0]?.value).toBe(2)
  })

  it('leaves nothing half-written when the transaction fails', async () => {
    const db = freshDb()
    await saveSignature(db, draft(1), ctx)
    const broken = draft(2)
    // A stroke list that cannot be cloned into IndexedDB makes the add fail inside the transaction.
    const unstorable = {
      ...broken,
      signature: { ...broken.signature, strokes: [[1, 2, () => 3]] },
    } as unknown as SignatureDraft
    await expect(saveSignature(db, unstorable, ctx)).rejects.toThrow()
    expect(await db.signatures.count()).toBe(1)
    expect((await db.counters.toArray())[0]?.value).toBe(1)
    expect(await db.journalQueue.count()).toBe(1)
  })
})
