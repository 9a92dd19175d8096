import SignaturePad from 'signature_pad'
import { useEffect, useRef } from 'react'
import type { SignatureStrokes } from '@shared/signature'
import { compactStrokes } from './strokes'

interface Props {
  label: string
  describedBy?: string
  initial?: SignatureStrokes
  onChange: (signature: SignatureStrokes | null) => void
  /** Lets the parent clear, undo or draw the mark. */
  controlRef: React.RefObject<PadControls | null>
}

export interface PadControls {
  clear(): void
  undo(): void
  draw(signature: SignatureStrokes): void
  size(): { width: number; height: number }
}

/** The drawing surface: signature_pad on a canvas sized for the screen's pixel density; reports compact strokes. */
export function SignaturePadField({ label, describedBy, initial, onChange, controlRef }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const pad = new SignaturePad(canvas, { penColor: '#00205f', minWidth: 1.2, maxWidth: 3.2 })
    const size = () => {
      const rect = canvas.getBoundingClientRect()
      return { width: rect.width, height: rect.height }
    }
    const report = () => {
      const { width, height } = size()
      const strokes = compactStrokes(pad.toData(), width, height)
      onChangeRef.current(strokes.strokes.length ? strokes : null)
    }
    const draw = (signature: SignatureStrokes) => {
      const { width, height } = size()
      const sx = width / signature.width
      const sy = height / signature.height
      pad.fromData(
        signature.strokes.map((flat) => ({
          points: pairs(flat).map(([x, y]) => ({ x: x * sx, y: y * sy, pressure: 0.5, time: 0 })),
          penColor: '#00205f',
          dotSize: 0,
          minWidth: 1.2,
          maxWidth: 3.2,
          velocityFilterWeight: 0.7,
          compositeOperation: 'source-over' as const,
        })),
      )
    }
    const fit = () => {
      const data = pad.toData()
      const ratio = Math.max(window.devicePixelRatio || 1, 1)
      canvas.width = canvas.offsetWidth * ratio
      canvas.height = canvas.offsetHeight * ratio
      canvas.getContext('2d')?.scale(ratio, ratio)
      pad.fromData(data)
    }
    fit()
    if (initial) draw(initial)
    pad.addEventListener('endStroke', report)
    window.addEventListener('resize', fit)
    canvas.addEventListener('touchstart', consumeTouch, { passive: false })
    controlRef.current = {
      clear: () => {
        pad.clear()
        report()
      },
      undo: () => {
        pad.fromData(pad.toData().slice(0, -1))
        report()
      },
      draw: (signature) => {
        draw(signature)
        report()
      },
      size,
    }
    return () => {
      pad.removeEventListener('endStroke', report)
      window.removeEventListener('resize', fit)
      canvas.removeEventListener('touchstart', consumeTouch)
      pad.off()
      controlRef.current = null
    }
    // The pad is created once per mount; `initial` only seeds it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <canvas
      ref={canvasRef}
      className="signature-pad"
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
    />
  )
}

/**
 * signature_pad draws from pointer events only, so the browser still reads a finger on the pad as
 * a scroll gesture. A finger lifted while still moving ends that gesture in a fling, and
 * Chromium swallows the next tap anywhere on the page as the tap that stops the fling: Continue
 * needed a second tap. Consuming the pad's touches keeps the browser's gestures out of it.
 */
function consumeTouch(event: TouchEvent) {
  if (event.cancelable) event.preventDefault()
}

function pairs(flat: number[]): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!])
  return out
}
