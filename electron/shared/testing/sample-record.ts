import type { DrawnSignatureRecord } from '../signature'

/** One valid signature record, numbered n, for unit tests that need a record and nothing special. */
export function sampleRecord(
  n: number,
  overrides: Partial<DrawnSignatureRecord> = {},
): DrawnSignatureRecord {
  const seq = String(n).padStart(6, '0')
  return {
    id: `0190f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    certificateNo: `EWRC26-B01-${seq}`,
    kioskId: 'B01',
    eventCode: 'EWRC26',
    createdAt: new Date(Date.UTC(2026, 9, 13, 9, 0, n)).toISOString(),
    day: '2026-10-13',
    language: 'en',
    capacity: 'individual',
    organisationType: null,
    organisationName: null,
    role: null,
    firstName: 'Łukasz',
    lastName: `Nowak-${n}`,
    email: `visitor${n}@example.eu`,
    country: 'PL',
    city: 'Kraków',
    consents: { endorse: true, newsletter: false, publishName: true, localStory: false },
    signature: { width: 600, height: 200, strokes: [[10, 10, 50, 60, 120, 40]] },
    ...overrides,
  }
}
