import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import { createDocument } from './document'
import { forgetLayouts } from './layout-cache'
import { addCertificatePage } from './page'
import { certificateStrings } from './strings'
import { makeRecord } from './testing/records'

type Fonts = Record<string, { layoutCache?: Record<string, unknown> }>
const fontsOf = (doc: PDFKit.PDFDocument) =>
  (doc as unknown as { _fontFamilies?: Fonts })._fontFamilies ?? {}

describe('forgetLayouts (pdfkit internals, pinned version)', () => {
  it('finds the layout caches pdfkit filled and empties them', () => {
    const doc = createDocument({ title: 'test', createdAt: new Date(0) })
    addCertificatePage(doc, makeRecord({}, 1), DEFAULT_SETTINGS, certificateStrings('en'))
    const fonts = Object.values(fontsOf(doc))
    // Both our fonts were used, and pdfkit cached the words it set in each.
    expect(fonts.length).toBeGreaterThanOrEqual(2)
    for (const font of fonts) expect(Object.keys(font.layoutCache ?? {}).length).toBeGreaterThan(0)

    expect(forgetLayouts(doc)).toBe(fonts.length)
    for (const font of Object.values(fontsOf(doc))) expect(font.layoutCache).toEqual({})

    // The document still works afterwards: pdfkit refills the cache it reads.
    addCertificatePage(doc, makeRecord({}, 2), DEFAULT_SETTINGS, certificateStrings('fr'))
    const refilled = Object.values(fontsOf(doc)).map((f) => Object.keys(f.layoutCache ?? {}).length)
    expect(Math.max(...refilled)).toBeGreaterThan(0)
    doc.end()
  })
})
