import { describe, expect, it } from 'vitest'
import { ORGANISATION_TYPES, signatureRecordSchema } from '../signature'
import { sampleSignatures } from './sample-signatures'

const EU_LANGUAGES = 'bg hr cs da nl en et fi fr de el hu ga it lv lt mt pl pt ro sk sl es sv'

describe('sampleSignatures', () => {
  const records = sampleSignatures({ count: 2000, seed: 7, days: 3, kioskId: 'B03' })

  it('produces records the register schema accepts', () => {
    for (const record of records) expect(signatureRecordSchema.parse(record)).toEqual(record)
  })

  it('is deterministic from the seed and differs between seeds', () => {
    expect(sampleSignatures({ count: 2000, seed: 7, days: 3, kioskId: 'B03' })).toEqual(records)
    expect(sampleSignatures({ count: 50, seed: 8 })).not.toEqual(sampleSignatures({ count: 50 }))
  })

  it('numbers certificates consecutively in time order, with UUIDv7 ids', () => {
    records.forEach((record, i) => {
      expect(record.certificateNo).toBe(`EWRC26-B03-${String(i + 1).padStart(6, '0')}`)
      expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-/)
      if (i > 0) expect(record.createdAt > records[i - 1]!.createdAt).toBe(true)
    })
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
  })

  it('sets day to the local (UTC+2) date of createdAt, spread over the requested days', () => {
    for (const record of records) {
      const local = new Date(Date.parse(record.createdAt) + 120 * 60_000)
      expect(record.day).toBe(local.toISOString().slice(0, 10))
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(9)
      expect(local.getUTCHours()).toBeLessThan(18)
    }
    expect([...new Set(records.map((r) => r.day))]).toEqual([
      '2026-10-12',
      '2026-10-13',
      '2026-10-14',
    ])
  })

  it('varies capacities, organisation types, countries, languages and consents', () => {
    const capacities = new Set(records.map((r) => r.capacity))
    expect(capacities).toEqual(new Set(['individual', 'organisation']))
    const types = new Set(records.map((r) => r.organisationType).filter((t) => t !== null))
    expect(types).toEqual(new Set(ORGANISATION_TYPES))
    for (const record of records) {
      const isOrganisation = record.capacity === 'organisation'
      expect(record.organisationType !== null).toBe(isOrganisation)
      expect(record.organisationName !== null).toBe(isOrganisation)
    }
    expect(new Set(records.map((r) => r.country)).size).toBeGreaterThanOrEqual(25)
    expect(new Set(records.map((r) => r.language))).toEqual(new Set(EU_LANGUAGES.split(' ')))
    for (const consent of ['newsletter', 'publishName', 'localStory', 'localEvents'] as const) {
      expect(new Set(records.map((r) => r.consents[consent]))).toEqual(new Set([true, false]))
    }
    expect(records.some((r) => r.email === null)).toBe(true)
  })

  it('uses the special letters of the EU languages in names', () => {
    const text = records.map((r) => `${r.firstName} ${r.lastName} ${r.city}`).join(' ')
    const missing = [...'ŁłșțőűřėāħßøåæœčšžđõüñçΞξЙЩъ'].filter((letter) => !text.includes(letter))
    expect(missing).toEqual([])
  })

  it('restricts kiosk languages when asked', () => {
    const restricted = sampleSignatures({ count: 200, languages: ['en', 'fr', 'de'] })
    expect(new Set(restricted.map((r) => r.language))).toEqual(new Set(['en', 'fr', 'de']))
  })
})
