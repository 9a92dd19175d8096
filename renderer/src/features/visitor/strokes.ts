import type { SignatureStrokes } from '@shared/signature'

export interface PadPoint {
  x: number
  y: number
}

/**
 * Integer coordinates, repeated points dropped: a signature in a few hundred numbers instead of a
 * bitmap. Points are kept inside the box: the pad follows a finger that slides past its edge, and
 * the record schema refuses strokes outside their box.
 */
export function compactStrokes(
  groups: { points: PadPoint[] }[],
  width: number,
  height: number,
): SignatureStrokes {
  const boxWidth = Math.max(1, Math.round(width))
  const boxHeight = Math.max(1, Math.round(height))
  const clamp = (value: number, max: number) => Math.min(max, Math.max(0, Math.round(value)))
  const strokes = groups
    .map(({ points }) => {
      const flat: number[] = []
      for (const { x, y } of points) {
        const px = clamp(x, boxWidth)
        const py = clamp(y, boxHeight)
        if (flat.length >= 2 && flat[flat.length - 2] === px && flat[flat.length - 1] === py)
          continue
        flat.push(px, py)
      }
      return flat
    })
    .filter((flat) => flat.length >= 2)
  return { width: boxWidth, height: boxHeight, strokes }
}

/** Total drawn length in pixels: what tells a signature from an accidental tap. */
export function inkLength(signature: SignatureStrokes): number {
  let total = 0
  for (const flat of signature.strokes) {
    for (let i = 2; i + 1 < flat.length; i += 2) {
      total += Math.hypot(flat[i]! - flat[i - 2]!, flat[i + 1]! - flat[i - 1]!)
    }
  }
  return total
}

export const MIN_INK_LENGTH = 80

export type SignatureProblem = 'empty' | 'tooShort' | null

export function signatureProblem(signature: SignatureStrokes | null): SignatureProblem {
  if (!signature || signature.strokes.length === 0) return 'empty'
  return inkLength(signature) < MIN_INK_LENGTH ? 'tooShort' : null
}

/** A cross drawn across the pad, for visitors who cannot draw a signature (the traditional mark). */
export function markStrokes(width: number, height: number): SignatureStrokes {
  const w = Math.round(width)
  const h = Math.round(height)
  const left = Math.round(w * 0.35)
  const right = Math.round(w * 0.65)
  const top = Math.round(h * 0.2)
  const bottom = Math.round(h * 0.8)
  return {
    width: w,
    height: h,
    strokes: [
      [left, top, right, bottom],
      [right, top, left, bottom],
    ],
  }
}
