export interface FitBox {
  font: string
  /** Preferred size; used whenever the text fits on one line at it. */
  maxSize: number
  /** Below this size a single line would look cramped, so the text wraps instead. */
  wrapBelow: number
  /** Smallest size at all; text still too long at this size is cut with an ellipsis. */
  minSize: number
  width: number
  maxHeight: number
  lineGap?: number
  characterSpacing?: number
}

export interface FittedText {
  text: string
  font: string
  size: number
  height: number
  width: number
  lineGap: number
  characterSpacing: number
  /** True when even the smallest size overflowed and the end of the text is elided. */
  clipped: boolean
}

const STEP = 0.5

/**
 * Chooses how a text of unknown length fills a box: shrink on one line first (names read best
 * unbroken), then wrap at a smaller size, and only as a last resort elide, so nothing ever
 * leaves the box whatever a visitor typed.
 */
export function fitText(doc: PDFKit.PDFDocument, text: string, box: FitBox): FittedText {
  const lineGap = box.lineGap ?? 0
  const characterSpacing = box.characterSpacing ?? 0
  const base = { text, font: box.font, width: box.width, lineGap, characterSpacing }
  doc.font(box.font).fontSize(1)
  // Width grows linearly with size, so one layout gives the largest size that fits on one line.
  const spacing = characterSpacing * Math.max(0, text.length - 1)
  const unitWidth = doc.widthOfString(text)
  const fitting = unitWidth > 0 ? (box.width - 1 - spacing) / unitWidth : box.maxSize
  const single = Math.min(box.maxSize, Math.floor(fitting / STEP) * STEP)
  if (single >= box.wrapBelow) {
    doc.fontSize(single)
    const lineHeight = doc.currentLineHeight(true)
    if (lineHeight <= box.maxHeight)
      return { ...base, size: single, height: lineHeight, clipped: false }
  }
  for (let size = Math.min(box.wrapBelow, box.maxSize); size >= box.minSize; size -= STEP) {
    doc.fontSize(size)
    const height = doc.heightOfString(text, { width: box.width, lineGap, characterSpacing })
    if (height <= box.maxHeight) return { ...base, size, height, clipped: false }
  }
  return { ...base, size: box.minSize, height: box.maxHeight, clipped: true }
}

/** Draws a fitted text centred in its box, its top at y. */
export function drawFitted(
  doc: PDFKit.PDFDocument,
  fitted: FittedText,
  x: number,
  y: number,
  color: string,
): void {
  doc
    .font(fitted.font)
    .fontSize(fitted.size)
    .fillColor(color)
    .text(fitted.text, x, y, {
      width: fitted.width,
      align: 'center',
      lineGap: fitted.lineGap,
      characterSpacing: fitted.characterSpacing,
      ...(fitted.clipped ? { height: fitted.height, ellipsis: true } : {}),
    })
}
