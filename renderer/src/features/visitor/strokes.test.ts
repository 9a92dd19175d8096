import { describe, expect, it } from 'vitest'
import { signatureStrokesSchema } from '@shared/signature'
import { compactStrokes, inkLength, markStrokes, signatureProblem } from './strokes'

describe('signature strokes', () => {
  it('keeps a stroke that slid past the pad’s edge inside its box, as the record schema requires', () => {
    const compact = compactStrokes(
      [
        {
          points: [
            { x: -12.4, y: 50 },
            { x: 120, y: 50 },
            { x: 330.7, y: -3 },
            { x: 150, y: 260 },
          ],
        },
      ],
      300,
      200,
    )
    expect(compact.strokes).toEqual([[0, 50, 120, 50, 300, 0, 150, 200]])
    expect(signatureStrokesSchema.safeParse(compact).success).toBe(true)
  })

  it('compacts pad points to integers without repeats', () => {
    const compact = compactStrokes(
      [
        {
          points: [
            { x: 1.4, y: 2.6 },
            { x: 1.2, y: 3.1 },
            { x: 10.5, y: 3 },
          ],
        },
        { points: [] },
      ],
      600.4,
      200,
    )
    expect(compact).toEqual({ width: 600, height: 200, strokes: [[1, 3, 11, 3]] })
  })

  it('refuses an empty pad and a trivially short stroke, accepts a real one', () => {
    expect(signatureProblem(null)).toBe('empty')
    expect(signatureProblem({ width: 600, height: 200, strokes: [] })).toBe('empty')
    expect(signatureProblem({ width: 600, height: 200, strokes: [[10, 10, 20, 12]] })).toBe(
      'tooShort',
    )
    expect(
      signatureProblem({ width: 600, height: 200, strokes: [[10, 10, 200, 80, 320, 40]] }),
    ).toBeNull()
  })

  it('draws the mark as a cross long enough to count', () => {
    const mark = markStrokes(600, 200)
    expect(mark.strokes).toHaveLength(2)
    expect(inkLength(mark)).toBeGreaterThan(80)
    expect(signatureProblem(mark)).toBeNull()
  })
})
