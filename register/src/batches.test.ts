import { describe, expect, it } from 'vitest'
import { sampleBatch, sampleRecord } from '../testing/batches-fixtures'
import { batchBodyHash } from './batches'
import { canonicalJson, sha256Hex } from './canonical-json'

describe('batchBodyHash', () => {
  const batch = sampleBatch([sampleRecord(1)])
  const change = {
    id: sampleRecord(1).id,
    certificateNo: sampleRecord(1).certificateNo,
    changedAt: '2026-10-13T12:00:00.000Z',
    consents: { newsletter: true, publishName: false, localStory: false, localEvents: true },
  }

  it('hashes a batch without consent changes as registers before them did, so old batches replay', () => {
    const before = sha256Hex(
      canonicalJson({ kioskId: batch.kioskId, records: batch.records, withdrawals: [] }),
    )

    expect(batchBodyHash(batch)).toBe(before)
  })

  it('tells a batch with consent changes from the same batch without them', () => {
    expect(batchBodyHash({ ...batch, consentChanges: [change] })).not.toBe(batchBodyHash(batch))
    expect(batchBodyHash({ ...batch, consentChanges: [change], sentAt: 'later' })).toBe(
      batchBodyHash({ ...batch, consentChanges: [change] }),
    )
  })
})
