import QRCode from 'qrcode'

/**
 * Draws a QR code as filled vector rectangles (one per horizontal run of dark modules) so it stays
 * sharp at any print resolution. `size` is the full square including the quiet zone the standard
 * asks for, which is painted white so a border or tint behind it cannot confuse a scanner.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
  color = '#000000',
): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const quiet = 4
  const count = modules.size
  const cell = size / (count + 2 * quiet)
  doc.save()
  doc.rect(x, y, size, size).fill('#FFFFFF')
  for (let row = 0; row < count; row++) {
    let col = 0
    while (col < count) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < count && modules.get(row, col)) col++
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell)
    }
  }
  doc.fill(color)
  doc.restore()
}
