/**
 * The #CohesionAlliance mark from `resources/logo/alliance-mark.svg`, recoloured for paper: the
 * original's white ring would vanish on a white page, so the rings take the EU blue family and gold.
 * The paths are copied rather than parsed from the SVG because pdfkit draws path data, not SVG
 * documents, and the mark changes far less often than this code.
 */
const VIEWBOX = 120
const RING_WIDTH = 8
const RINGS = [
  { d: 'M 18 48 a 24 24 0 1 0 48 0 a 24 24 0 1 0 -48 0 Z', color: '#E8A800' },
  { d: 'M 54 48 a 24 24 0 1 0 48 0 a 24 24 0 1 0 -48 0 Z', color: '#003399' },
  { d: 'M 36 78 a 24 24 0 1 0 48 0 a 24 24 0 1 0 -48 0 Z', color: '#3F6FD1' },
] as const
const CENTRE = { d: 'M 54 60 a 6 6 0 1 0 12 0 a 6 6 0 1 0 -12 0 Z', color: '#E8A800' }

/** Draws the mark with its top-left corner at (x, y), `size` points square. */
export function drawLogo(doc: PDFKit.PDFDocument, x: number, y: number, size: number): void {
  doc.save()
  doc.translate(x, y).scale(size / VIEWBOX)
  for (const ring of RINGS) doc.path(ring.d).lineWidth(RING_WIDTH).stroke(ring.color)
  doc.path(CENTRE.d).fill(CENTRE.color)
  doc.restore()
}
