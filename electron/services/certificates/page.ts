import { FOUNDING_PARTNERS } from '../../shared/partners'
import type { SignatureRecord } from '../../shared/signature'
import { FONT, PAGE, PAGE_OPTIONS } from './document'
import { drawFitted, fitText, type FitBox, type FittedText } from './fit-text'
import { fullName, oneLine, signingDate, verificationUrl } from './format'
import { drawLogo } from './logo'
import { drawQrCode } from './qr'
import { fill, type CertificateStrings } from './strings'

/** What a certificate needs from the kiosk's settings. */
export interface CertificateSettings {
  eventName: string
  eventCity: string
  timeZone: string
  verificationBaseUrl: string
}

const COLOR = {
  blue: '#003399',
  gold: '#E8A800',
  ink: '#1B2033',
  muted: '#596079',
  rule: '#D9DEEA',
} as const

const W = PAGE.width
const H = PAGE.height
const CONTENT_X = 96
const CONTENT_W = W - 2 * CONTENT_X
/** The band between the heading and the footer that holds the signatory's details. */
const BODY_TOP = 188
const BODY_BOTTOM = 446
const FOOTER_TOP = 462

/** Adds one certificate page to `doc`. Fonts must be registered (see `createDocument`). */
export function addCertificatePage(
  doc: PDFKit.PDFDocument,
  record: SignatureRecord,
  settings: CertificateSettings,
  strings: CertificateStrings,
): void {
  doc.addPage(PAGE_OPTIONS)
  drawFrame(doc)
  drawHeading(doc, strings)
  drawBody(doc, record, settings, strings)
  drawFooter(doc, record, settings, strings)
}

function drawFrame(doc: PDFKit.PDFDocument): void {
  doc.save()
  doc
    .rect(20, 20, W - 40, H - 40)
    .lineWidth(3)
    .stroke(COLOR.blue)
  doc
    .rect(28, 28, W - 56, H - 56)
    .lineWidth(0.8)
    .stroke(COLOR.gold)
  // Small gold diamonds where the inner frame turns: a classic certificate touch without artwork.
  for (const [cx, cy] of [
    [28, 28],
    [W - 28, 28],
    [28, H - 28],
    [W - 28, H - 28],
  ] as const) {
    doc
      .polygon([cx, cy - 6], [cx + 6, cy], [cx, cy + 6], [cx - 6, cy])
      .fillAndStroke(COLOR.gold, COLOR.gold)
  }
  doc.restore()
}

function drawHeading(doc: PDFKit.PDFDocument, strings: CertificateStrings): void {
  const logo = 60
  drawLogo(doc, (W - logo) / 2, 40, logo)
  const hashtag = fitText(doc, strings.hashtag, {
    font: FONT.bold,
    maxSize: 13,
    wrapBelow: 9,
    minSize: 9,
    width: CONTENT_W,
    maxHeight: 18,
    characterSpacing: 1.2,
  })
  drawFitted(doc, hashtag, CONTENT_X, 104, COLOR.blue)
  const title = fitText(doc, strings.title, {
    font: FONT.bold,
    maxSize: 32,
    wrapBelow: 22,
    minSize: 16,
    width: CONTENT_W,
    maxHeight: 44,
  })
  drawFitted(doc, title, CONTENT_X, 122 + (44 - title.height) / 2, COLOR.ink)
  rule(doc, W / 2 - 40, 174, 80, COLOR.gold, 1.5)
}

interface Block {
  fitted: FittedText
  color: string
  /** Space above this block. */
  gap: number
  /** A hairline under the block, inside the space that follows it. */
  rule?: boolean
}

/** How far the gaps between body lines may grow when the details are short. */
const MAX_SPREAD = 2.4
const TEXT_BOX = { wrapBelow: 9, minSize: 8, width: CONTENT_W, lineGap: 0 }

function drawBody(
  doc: PDFKit.PDFDocument,
  record: SignatureRecord,
  settings: CertificateSettings,
  strings: CertificateStrings,
): void {
  const blocks: Block[] = []
  const add = (text: string, box: Partial<FitBox>, style: Omit<Block, 'fitted'>) => {
    const fitted = fitText(doc, text, {
      ...TEXT_BOX,
      font: FONT.regular,
      maxSize: 12,
      maxHeight: 16,
      ...box,
    })
    blocks.push({ fitted, ...style })
  }
  const organisation =
    record.capacity === 'organisation' && record.organisationName
      ? oneLine(record.organisationName)
      : null

  add(strings.certifies, { maxSize: 13, maxHeight: 18 }, { color: COLOR.muted, gap: 0 })
  add(
    fullName(record),
    { font: FONT.bold, maxSize: 38, wrapBelow: 22, minSize: 14, maxHeight: 72, lineGap: -2 },
    { color: COLOR.blue, gap: 8, rule: !organisation },
  )
  if (organisation) {
    const lead = record.role
      ? fill(strings.roleOnBehalfOf, { role: oneLine(record.role) })
      : strings.onBehalfOf
    add(lead, { maxSize: 13, wrapBelow: 10, maxHeight: 30 }, { color: COLOR.ink, gap: 6 })
    add(
      organisation,
      { font: FONT.bold, maxSize: 21, wrapBelow: 14, minSize: 9, maxHeight: 48, lineGap: -1 },
      { color: COLOR.ink, gap: 4, rule: !record.organisationType },
    )
    if (record.organisationType) {
      add(
        strings.organisationTypes[record.organisationType],
        { maxSize: 10, maxHeight: 14 },
        { color: COLOR.muted, gap: 3, rule: true },
      )
    }
  }
  add(
    strings.statement[record.capacity],
    { maxSize: 12, wrapBelow: 12, minSize: 9, maxHeight: 52, lineGap: 3, width: 600 },
    { color: COLOR.ink, gap: 14 },
  )
  const signedAt = fill(strings.signedAt, {
    event: oneLine(settings.eventName),
    city: oneLine(settings.eventCity),
    date: signingDate(record.createdAt, strings.dateLocale, settings.timeZone),
  })
  add(signedAt, { maxSize: 11, maxHeight: 28 }, { color: COLOR.muted, gap: 10 })

  // A short certificate gets airier spacing rather than a hole in the middle; the stack is then
  // centred in the band. The boxes' maximum heights guarantee that a long one still fits.
  const gaps = blocks.reduce((sum, b) => sum + b.gap, 0)
  const total = blocks.reduce((sum, b) => sum + b.gap + b.fitted.height, 0)
  const room = BODY_BOTTOM - BODY_TOP - total
  const spread = room > 0 ? Math.min(MAX_SPREAD, 1 + (room * 0.6) / gaps) : 1
  let y = BODY_TOP + Math.max(0, (room - gaps * (spread - 1)) / 2)
  for (const [i, block] of blocks.entries()) {
    y += block.gap * spread
    const x = CONTENT_X + (CONTENT_W - block.fitted.width) / 2
    drawFitted(doc, block.fitted, x, y, block.color)
    y += block.fitted.height
    const next = blocks[i + 1]
    if (block.rule && next)
      rule(doc, W / 2 - 120, y + (next.gap * spread) / 2, 240, COLOR.gold, 0.6)
  }
}

function drawFooter(
  doc: PDFKit.PDFDocument,
  record: SignatureRecord,
  settings: CertificateSettings,
  strings: CertificateStrings,
): void {
  rule(doc, 60, FOOTER_TOP, W - 120, COLOR.rule, 0.75)
  const url = verificationUrl(settings.verificationBaseUrl, record.certificateNo)
  const qrSize = 84
  const qrX = W - 60 - qrSize
  const qrY = FOOTER_TOP + 8
  if (url) drawQrCode(doc, url, qrX, qrY, qrSize, COLOR.ink)

  // Certificate number and verification address sit right-aligned against the QR code.
  const infoRight = url ? qrX - 4 : W - 60
  const infoW = 300
  const infoX = infoRight - infoW
  let y = FOOTER_TOP + 18
  doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted)
  doc.text(strings.certificateNo, infoX, y, { width: infoW, align: 'right' })
  y += 11
  doc.font(FONT.bold).fontSize(13).fillColor(COLOR.ink)
  doc.text(record.certificateNo, infoX, y, { width: infoW, align: 'right', characterSpacing: 0.5 })
  y += 22
  if (url) {
    doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted)
    doc.text(strings.verify, infoX, y, { width: infoW, align: 'right' })
    y += 11
    const link = fitText(doc, url, {
      font: FONT.regular,
      maxSize: 7.5,
      wrapBelow: 6,
      minSize: 5,
      width: infoW,
      maxHeight: 20,
    })
    doc.font(FONT.regular).fontSize(link.size).fillColor(COLOR.blue)
    doc.text(url, infoX, y, { width: infoW, align: 'right', link: url, height: 20, ellipsis: true })
  }

  const partnersX = 60
  const partnersW = infoX - partnersX - 24
  doc.font(FONT.bold).fontSize(8.5).fillColor(COLOR.blue)
  doc.text(strings.partnersHeading, partnersX, FOOTER_TOP + 18, { width: partnersW })
  doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted)
  doc.text(
    FOUNDING_PARTNERS.map((p) => (p.short === p.name ? p.name : `${p.name} (${p.short})`)).join(
      '  ·  ',
    ),
    partnersX,
    FOOTER_TOP + 32,
    { width: partnersW, lineGap: 2.5, height: 64, ellipsis: true },
  )
}

function rule(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  color: string,
  weight: number,
): void {
  doc
    .save()
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(weight)
    .stroke(color)
    .restore()
}
