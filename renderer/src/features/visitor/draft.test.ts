import { describe, expect, it } from 'vitest'
import { emailOf, toSignatureDraft, type CompleteDraft } from './draft'

const draft = (email: string | null, consentEmail?: string | null): CompleteDraft => ({
  id: '0190c8b4-7d2a-7000-8000-000000000001',
  language: 'en',
  capacity: 'individual',
  details: { firstName: 'Jan', lastName: 'Novák', email, country: 'CZ', city: null },
  consents: {
    endorse: true,
    newsletter: true,
    publishName: false,
    localStory: false,
    localEvents: false,
  },
  consentEmail,
  signature: { width: 100, height: 50, strokes: [[0, 0, 90, 40]] },
})

describe('the visitor email', () => {
  it('is the one given for an optional choice when the details had none', () => {
    expect(emailOf(draft(null, 'jan@example.eu'))).toBe('jan@example.eu')
    expect(toSignatureDraft(draft(null, 'jan@example.eu')).email).toBe('jan@example.eu')
  })

  it('is the details one when both were given', () => {
    expect(toSignatureDraft(draft('novak@example.cz', 'jan@example.eu')).email).toBe(
      'novak@example.cz',
    )
  })

  it('is none when neither was given', () => {
    expect(emailOf(draft(null))).toBeNull()
    expect(toSignatureDraft(draft(null, null)).email).toBeNull()
  })
})
