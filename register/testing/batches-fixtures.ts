import { v4 as uuidv4 } from 'uuid'
import type { BatchRequest } from '../../electron/shared/register-protocol'
import type { DrawnSignatureRecord, SignatureRecord } from '../../electron/shared/signature'
import { sampleRecord } from '../../electron/shared/testing/sample-record'

export { sampleRecord }

/** A batch of kiosk B01 holding the given records (and withdrawals), with a fresh batchId. */
export function sampleBatch(
  records: unknown[],
  overrides: Partial<BatchRequest> = {},
): BatchRequest {
  return {
    batchId: uuidv4(),
    kioskId: 'B01',
    sentAt: '2026-10-13T10:00:00.000Z',
    records,
    withdrawals: [],
    consentChanges: [],
    ...overrides,
  }
}

/** Records 1…n of kiosk B01, every one a different person. */
export function sampleRecords(n: number, from = 1): SignatureRecord[] {
  return Array.from({ length: n }, (_, i) => sampleRecord(from + i))
}

/** An organisation's signature, numbered n. */
export function organisationRecord(
  n: number,
  name: string,
  country = 'PL',
  overrides: Partial<DrawnSignatureRecord> = {},
): DrawnSignatureRecord {
  return sampleRecord(n, {
    capacity: 'organisation',
    organisationType: 'city',
    organisationName: name,
    role: 'Mayor',
    country,
    ...overrides,
  })
}

/** Record n of another kiosk: its own certificate number and an id no B01 sample has. */
export function kioskRecord(
  kioskId: string,
  n: number,
  overrides: Partial<SignatureRecord> = {},
): SignatureRecord {
  const seq = String(n).padStart(6, '0')
  const kioskHex = Buffer.from(kioskId).toString('hex').padStart(6, '0').slice(-6)
  return sampleRecord(n, {
    id: `0190f0a0-0000-7000-8000-${kioskHex}${seq}`,
    kioskId,
    certificateNo: `EWRC26-${kioskId}-${seq}`,
    email: `visitor${n}@${kioskId.toLowerCase()}.example.eu`,
    ...overrides,
  })
}

/** Records n…n+count−1 of another kiosk, every one a different person. */
export function kioskRecords(kioskId: string, count: number, from = 1): SignatureRecord[] {
  return Array.from({ length: count }, (_, i) => kioskRecord(kioskId, from + i))
}
