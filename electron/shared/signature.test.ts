import { describe, expect, it } from 'vitest'
import { isSafeText } from './safe-text'
import { signatureRecordSchema, type SignatureRecord } from './signature'
import { sampleRecord } from './testing/sample-record'

function problemsOf(overrides: Partial<SignatureRecord>): string[] {
  const result = signatureRecordSchema.safeParse(sampleRecord(1, overrides))
  return result.success ? [] : result.error.issues.map((i) => i.path.map(String).join('.'))
}

describe('signatureRecordSchema', () => {
  it('accepts the sample record, with or without the localEvents consent', () => {
    const record = sampleRecord(1)
    expect(signatureRecordSchema.parse(record)).toEqual(record)
    const withEvents = sampleRecord(2, {
      consents: { ...record.consents, localEvents: true },
    })
    expect(signatureRecordSchema.parse(withEvents).consents.localEvents).toBe(true)
  })

  it.each([
    ['NUL', 'Anna\u0000'],
    ['a C0 control', 'An\u0007na'],
    ['an inner line break', 'An\nna'],
    ['DEL', 'An\u007fna'],
    ['a C1 control', 'An\u0085na'],
    ['an unpaired high surrogate', 'Anna\ud800'],
    ['an unpaired low surrogate', '\udc00Anna'],
  ])('refuses %s in every text field', (_what, bad) => {
    expect(problemsOf({ firstName: bad })).toEqual(['firstName'])
    expect(problemsOf({ lastName: bad })).toEqual(['lastName'])
    expect(problemsOf({ city: bad })).toEqual(['city'])
    expect(problemsOf({ role: bad })).toEqual(['role'])
    expect(problemsOf({ organisationName: bad })).toEqual(['organisationName'])
  })

  it('keeps letters of every EU script and paired surrogates (emoji)', () => {
    for (const name of ['Őrsi Şţ', 'Ελένη', 'Цветелина', 'Anna 😀']) {
      expect(isSafeText(name)).toBe(true)
      expect(problemsOf({ firstName: name })).toEqual([])
    }
  })

  it('refuses a country that is not ISO 3166-1 and a language that is not an official EU one', () => {
    expect(problemsOf({ country: 'XX' })).toEqual(['country'])
    expect(problemsOf({ country: 'pl' })).toEqual(['country'])
    expect(problemsOf({ language: 'xx' })).toEqual(['language'])
    expect(problemsOf({ language: 'ga' })).toEqual([])
  })

  it('accepts day as the UTC date of createdAt ±1 day, and nothing further', () => {
    const createdAt = '2026-10-13T23:30:00.000Z'
    expect(problemsOf({ createdAt, day: '2026-10-12' })).toEqual([])
    expect(problemsOf({ createdAt, day: '2026-10-14' })).toEqual([])
    expect(problemsOf({ createdAt, day: '2026-10-15' })).toEqual(['day'])
    expect(problemsOf({ createdAt, day: '2025-10-13' })).toEqual(['day'])
  })

  it('refuses a certificate number of another kiosk or event than the record names', () => {
    expect(problemsOf({ certificateNo: 'EWRC26-B02-000001' })).toEqual(['certificateNo'])
    expect(problemsOf({ certificateNo: 'OTHER-B01-000001' })).toEqual(['certificateNo'])
    expect(problemsOf({ kioskId: 'b\u00001' })).toContain('kioskId')
  })

  it('refuses strokes outside their box and strokes that are not x, y pairs', () => {
    const box = { width: 600, height: 200 }
    expect(problemsOf({ signature: { ...box, strokes: [[0, 0, 600, 200]] } })).toEqual([])
    expect(problemsOf({ signature: { ...box, strokes: [[10, 10, 601, 20]] } })).toEqual([
      'signature.strokes.0.2',
    ])
    expect(
      problemsOf({
        signature: {
          ...box,
          strokes: [
            [10, 10],
            [5, -1],
          ],
        },
      }),
    ).toEqual(['signature.strokes.1.0'])
    expect(problemsOf({ signature: { ...box, strokes: [[10, 10, 20]] } })).toEqual([
      'signature.strokes.0',
    ])
  })

  describe('paper forms', () => {
    const paper = (overrides: Partial<SignatureRecord> = {}) => {
      const { signature: _drawn, ...record } = sampleRecord(3, {
        source: 'paper',
        paperRef: 'P-0042',
        ...overrides,
      })
      return record
    }
    const problems = (record: unknown) => {
      const result = signatureRecordSchema.safeParse(record)
      return result.success ? [] : result.error.issues.map((i) => i.path.map(String).join('.'))
    }

    it('accepts a paper form without strokes, and keeps its source and reference', () => {
      const parsed = signatureRecordSchema.parse(paper())
      expect(parsed.signature).toBeUndefined()
      expect(parsed.source).toBe('paper')
      expect(parsed.paperRef).toBe('P-0042')
      expect(problems(paper({ paperRef: '2026/117.B' }))).toEqual([])
    })

    it('refuses a kiosk record without strokes, with or without source: kiosk', () => {
      const { signature: _drawn, ...kiosk } = sampleRecord(4)
      expect(problems(kiosk)).toEqual(['signature'])
      expect(problems({ ...kiosk, source: 'kiosk' })).toEqual(['signature'])
    })

    it('refuses a bad, missing or misplaced paper reference and an unknown source', () => {
      for (const bad of ['', ' P-1', 'p-0042', '=1+1', '-12', 'P-1-', 'A'.repeat(33), 'P\u00001']) {
        expect(problems(paper({ paperRef: bad }))).toEqual(['paperRef'])
      }
      const { paperRef: _ref, ...noRef } = paper()
      expect(problems(noRef)).toEqual(['paperRef'])
      expect(problems(sampleRecord(5, { paperRef: 'P-1' }))).toEqual(['paperRef'])
      expect(problems({ ...sampleRecord(6), source: 'fax' })).toEqual(['source'])
    })

    it('still reads records of kiosks before paper forms (no source, no reference)', () => {
      const old = sampleRecord(7)
      expect('source' in old).toBe(false)
      expect(signatureRecordSchema.parse(old)).toEqual(old)
    })
  })
})
