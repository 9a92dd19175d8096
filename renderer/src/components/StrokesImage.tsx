import type { SignatureStrokes } from '@shared/signature'

/** Renders stored vector strokes as an SVG, at any size, without keeping a bitmap. */
export function StrokesImage({ signature, label }: { signature: SignatureStrokes; label: string }) {
  return (
    <svg
      className="strokes-image"
      viewBox={`0 0 ${signature.width} ${signature.height}`}
      role="img"
      aria-label={label}
    >
      {signature.strokes.map((stroke, i) => (
        <polyline
          key={i}
          points={pointsOf(stroke)}
          fill="none"
          stroke="currentColor"
          strokeWidth={3}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ))}
    </svg>
  )
}

function pointsOf(flat: number[]): string {
  const pairs: string[] = []
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push(`${flat[i]},${flat[i + 1]}`)
  // A single tap is a dot: draw it as a tiny segment so it shows.
  if (pairs.length === 1) pairs.push(`${(flat[0] ?? 0) + 1},${flat[1] ?? 0}`)
  return pairs.join(' ')
}
