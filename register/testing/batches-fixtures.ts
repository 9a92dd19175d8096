import { v4 as uuidv4 } from 'uuid'
import type { BatchRequest } from '../../electron/shared/register-protocol'
import type { SignatureRecord } from '../../electron/shared/signature'
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
  overrides: Partial<SignatureRecord> = {},
): SignatureRecord {
  return sampleRecord(n, {
    capacity: 'organisation',
    organisationType: 'city',
    organisationName: name,
    role: 'Mayor',
    country,
    ...overrides,
  })
}
