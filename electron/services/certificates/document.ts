import { readFileSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import { resourcePath } from './resources'

/** Font names registered in every certificate document. */
export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const

/**
 * DejaVu Sans covers Latin with every EU diacritic, Greek and Cyrillic; pdfkit's built-in Helvetica
 * does not. The files are read once per process, but each document parses its own copy: a parsed
 * font remembers, per glyph, the characters it was first used for, and that memory ends up in the
 * PDF's text map. Sharing it would make a reprint depend on whatever was printed before.
 * pdfkit embeds only the glyphs a document uses.
 */
let fontBytes: Record<keyof typeof FONT, Uint8Array> | undefined
function fonts(): Record<keyof typeof FONT, Uint8Array> {
  fontBytes ??= {
    regular: readFileSync(resourcePath('fonts', 'DejaVuSans.ttf')),
    bold: readFileSync(resourcePath('fonts', 'DejaVuSans-Bold.ttf')),
  }
  return fontBytes
}

/** A4 landscape, in points. */
export const PAGE = { width: 841.89, height: 595.28 } as const
export const PAGE_OPTIONS = { size: 'A4', layout: 'landscape', margin: 0 } as const

export interface DocumentMeta {
  title: string
  /** Fixed timestamps make the bytes reproducible: pdfkit derives the file ID from the info dictionary. */
  createdAt: Date
  /** BCP 47 tag for the document's Lang entry, read by screen readers. */
  language?: string
  /** pdfkit caches text layouts per string; a bulk run of unique names only grows that cache. */
  layoutCache?: boolean
}

/** A pdfkit document with our fonts, metadata and no page yet. */
export function createDocument(meta: DocumentMeta): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    pdfVersion: '1.7',
    displayTitle: true,
    lang: meta.language,
    fontLayoutCache: meta.layoutCache ?? true,
    // No default Helvetica: it would be written into every file although nothing uses it.
    font: null as unknown as string,
    info: {
      Title: meta.title,
      Creator: 'Cohesion Kiosk',
      Producer: 'Cohesion Kiosk (PDFKit)',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  })
  const bytes = fonts()
  doc.registerFont(FONT.regular, bytes.regular)
  doc.registerFont(FONT.bold, bytes.bold)
  doc.font(FONT.regular)
  return doc
}
