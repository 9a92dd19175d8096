import { describe, expect, it } from 'vitest'
import { paperSignedAtProblem } from './paper-form'

describe('paperSignedAtProblem', () => {
  const now = new Date('2026-10-14T10:00:00Z')
  it('accepts a time up to now and up to a campaign ago, nothing later or earlier', () => {
    expect(paperSignedAtProblem(now, now)).toBeNull()
    expect(paperSignedAtProblem(new Date('2026-10-14T10:01:00Z'), now)).toBe('future')
    expect(paperSignedAtProblem(new Date('2025-10-14T10:00:00Z'), now)).toBeNull()
    expect(paperSignedAtProblem(new Date('2025-10-12T10:00:00Z'), now)).toBe('too-old')
  })
})
