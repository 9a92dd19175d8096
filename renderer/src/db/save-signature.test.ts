import { describe, expect, it } from 'vitest'
import { signatureRecordSchema } from '@shared/signature'
import {
  loadSignatureRecords,
  savePaperForm,
  saveSignature,
  type PaperDraft,
  type SignatureDraft,
} from './save-signature'
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

describe('savePaperForm', () => {
  const paperDraft = (n: number, paperRef: string, overrides = {}): PaperDraft => {
    const { signature: _drawn, ...rest } = draft(n, overrides)
    return { ...rest, paperRef }
  }
  const signedAt = new Date('2026-10-13T22:30:00Z')
  const keyedAt = new Date('2026-10-14T09:15:00Z')

  it('saves a paper form like a kiosk signature: numbered, dated when signed on paper, journaled, audited', async () => {
    const db = freshDb()
    await saveSignature(db, draft(1), ctx, new Date('2026-10-13T08:00:00Z'))
    const outcome = await savePaperForm(db, paperDraft(2, 'P-0042'), ctx, signedAt, keyedAt)

    expect(outcome.status).toBe('saved')
    if (outcome.status !== 'saved') return
    expect(outcome.full).toMatchObject({
      source: 'paper',
      paperRef: 'P-0042',
      certificateNo: 'EWRC26-B03-000002',
      createdAt: signedAt.toISOString(),
      day: '2026-10-14',
    })
    expect(outcome.full.signature).toBeUndefined()
    expect(signatureRecordSchema.safeParse(outcome.full).success).toBe(true)
    expect(await db.strokes.get(outcome.record.id)).toBeUndefined()
    expect(await db.journalQueue.get(outcome.record.id)).toBeDefined()
    // The journal and the exports read it back whole, without strokes.
    expect(await loadSignatureRecords(db, [outcome.record.id])).toEqual([outcome.full])
    expect(await db.audit.where('action').equals('paper-form').toArray()).toEqual([
      expect.objectContaining({
        at: keyedAt.toISOString(),
        detail: 'paper form P-0042 keyed in as EWRC26-B03-000002',
      }),
    ])
  })

  it('refuses a paper form of someone who signed already, on the kiosk or on paper, saving nothing', async () => {
    const db = freshDb()
    await saveSignature(db, draft(1, { email: 'ana@example.eu' }), ctx)
    await savePaperForm(
      db,
      paperDraft(2, 'P-1', {
        capacity: 'organisation',
        organisationType: 'city',
        organisationName: 'Ville de Lyon',
        role: 'Maire',
        country: 'FR',
        email: null,
      }),
      ctx,
      signedAt,
    )
    const before = await db.signatures.count()

    expect(
      await savePaperForm(db, paperDraft(3, 'P-2', { email: 'ANA@example.eu' }), ctx, signedAt),
    ).toEqual({ status: 'duplicate', by: 'person' })
    expect(
      await savePaperForm(
        db,
        paperDraft(4, 'P-3', {
          capacity: 'organisation',
          organisationType: 'city',
          organisationName: 'ville de lyon',
          role: 'Adjoint',
          country: 'FR',
          email: 'other@example.eu',
        }),
        ctx,
        signedAt,
      ),
    ).toEqual({ status: 'duplicate', by: 'organisation' })
    expect(await db.signatures.count()).toBe(before)
    expect(await db.journalQueue.count()).toBe(before)
    expect((await db.counters.toArray())[0]?.value).toBe(before)
    expect(await db.audit.where('action').equals('paper-form').count()).toBe(1)
  })

  it('refuses a reference keyed in already for this kiosk and event, and allows it for another event', async () => {
    const db = freshDb()
    await savePaperForm(db, paperDraft(1, 'P-7'), ctx, signedAt)

    expect(await savePaperForm(db, paperDraft(2, 'P-7'), ctx, signedAt)).toEqual({
      status: 'paper-ref-taken',
    })
    expect(await db.signatures.count()).toBe(1)
    const nextEvent = await savePaperForm(
      db,
      paperDraft(3, 'P-7'),
      { ...ctx, eventCode: 'EWRC27' },
      signedAt,
    )
    expect(nextEvent.status).toBe('saved')
  })

  it('saves a double-tapped save once', async () => {
    const db = freshDb()
    const once = paperDraft(1, 'P-9')
    const [a, b] = await Promise.all([
      savePaperForm(db, once, ctx, signedAt),
      savePaperForm(db, once, ctx, signedAt),
    ])
    expect(await db.signatures.count()).toBe(1)
    expect(a.status === 'saved' && b.status === 'saved').toBe(true)
  })
})
