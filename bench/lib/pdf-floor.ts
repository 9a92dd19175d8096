/**
 * The certificates' floor: bare pdfkit drawing a page comparable to ours with the same DejaVu
 * fonts (the same frame, rings, texts and QR rectangles at fixed places and sizes), with none of
 * our code around it: no text fitting, no layout, no string lookups while drawing. Everything the
 * page says is prepared beforehand (`barePageOf`), outside any timing.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { PROJECT_ROOT } from '../../electron/host/paths'
import { FOUNDING_PARTNERS } from '../../electron/shared/partners'
import type { SignatureRecord } from '../../electron/shared/signature'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { certificateStrings, verificationUrl } from '../../electron/services/certificates'

interface BareText {
  text: string
  bold: boolean
  size: number
  x: number
  y: number
  width: number
  align: 'left' | 'center' | 'right'
  color: string
}

export interface BarePage {
  texts: BareText[]
  /** QR code modules as rectangles [x, y, width, height]. */
  qr: [number, number, number, number][]
}

const W = 841.89
const H = 595.28

let fonts: { regular: Buffer; bold: Buffer } | undefined
function fontBytes() {
  fonts ??= {
    regular: readFileSync(join(PROJECT_ROOT, 'resources', 'fonts', 'DejaVuSans.ttf')),
    bold: readFileSync(join(PROJECT_ROOT, 'resources', 'fonts', 'DejaVuSans-Bold.ttf')),
  }
  return fonts
}

/** What a certificate page of this record says and where, for the bare page. */
export function barePageOf(record: SignatureRecord): BarePage {
  const s = certificateStrings(record.language)
  const url = verificationUrl(DEFAULT_SETTINGS.verificationBaseUrl, record.certificateNo) ?? ''
  const centred = (text: string, bold: boolean, size: number, y: number, color = '#1B2033') => ({
    text,
    bold,
    size,
    x: 96,
    y,
    width: W - 192,
    align: 'center' as const,
    color,
  })
  const right = (text: string, bold: boolean, size: number, y: number) => ({
    text,
    bold,
    size,
    x: W - 148 - 300,
    y,
    width: 300,
    align: 'right' as const,
    color: '#596079',
  })
  const texts: BareText[] = [
    centred(s.hashtag, true, 13, 104, '#003399'),
    centred(s.title, true, 32, 126),
    centred(s.certifies, false, 13, 200, '#596079'),
    centred(`${record.firstName} ${record.lastName}`, true, 38, 224, '#003399'),
  ]
  if (record.organisationName) {
    texts.push(
      centred(s.onBehalfOf, false, 13, 278),
      centred(record.organisationName, true, 21, 298),
    )
  }
  texts.push(
    centred(s.statement[record.capacity], false, 12, 340),
    centred(`${DEFAULT_SETTINGS.eventName}, ${DEFAULT_SETTINGS.eventCity}`, false, 11, 410),
    right(s.certificateNo, false, 8, 480),
    right(record.certificateNo, true, 13, 491),
    right(s.verify, false, 8, 513),
    right(url, false, 7.5, 524),
    { ...right(s.partnersHeading, true, 8.5, 480), x: 60, width: 380, align: 'left' },
    {
      ...right(FOUNDING_PARTNERS.map((p) => `${p.name} (${p.short})`).join('  ·  '), false, 8, 494),
      x: 60,
      width: 380,
      align: 'left',
    },
  )
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
  const cell = 84 / (modules.size + 8)
  const qr: BarePage['qr'] = []
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue
      const start = col
      while (col < modules.size && modules.get(row, col)) col++
      qr.push([W - 144 + (4 + start) * cell, 470 + (4 + row) * cell, (col - start) * cell, cell])
    }
  }
  return { texts, qr }
}

/** A pdfkit document with the two DejaVu fonts registered, like ours (no default Helvetica). */
export function bareDocument(): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: null as unknown as string,
  })
  const bytes = fontBytes()
  doc.registerFont('R', bytes.regular)
  doc.registerFont('B', bytes.bold)
  return doc
}

/** Draws one prepared page. */
export function drawBarePage(doc: PDFKit.PDFDocument, page: BarePage): void {
  doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 })
  doc
    .rect(20, 20, W - 40, H - 40)
    .lineWidth(3)
    .stroke('#003399')
  doc
    .rect(28, 28, W - 56, H - 56)
    .lineWidth(0.8)
    .stroke('#E8A800')
  for (const [cx, cy] of [
    [28, 28],
    [W - 28, 28],
    [28, H - 28],
    [W - 28, H - 28],
  ] as const) {
    doc.polygon([cx, cy - 6], [cx + 6, cy], [cx, cy + 6], [cx - 6, cy]).fill('#E8A800')
  }
  for (const [cx, cy, color] of [
    [411, 64, '#E8A800'],
    [429, 64, '#003399'],
    [420, 79, '#3F6FD1'],
  ] as const) {
    doc.circle(cx, cy, 12).lineWidth(4).stroke(color)
  }
  for (const t of page.texts) {
    doc
      .font(t.bold ? 'B' : 'R')
      .fontSize(t.size)
      .fillColor(t.color)
      .text(t.text, t.x, t.y, { width: t.width, align: t.align })
  }
  for (const [x, y, w, h] of page.qr) doc.rect(x, y, w, h)
  doc.fill('#1B2033')
}

/** One bare page as a whole PDF in memory (the floor of renderCertificate). */
export async function bareCertificate(page: BarePage): Promise<Uint8Array> {
  const doc = bareDocument()
  const chunks: Uint8Array[] = []
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  drawBarePage(doc, page)
  doc.end()
  await done
  return Buffer.concat(chunks)
}
