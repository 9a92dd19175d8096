/**
 * pdfkit caches the layout of every word it sets, which makes repeated texts (the statement, the
 * partners) three times faster but grows with every new name. pdfkit has no public way to empty
 * that cache, so this reaches into its internals, as of the exact version pinned in package.json
 * (0.20.2): `_fontFamilies` maps font names to fonts, each with a `layoutCache` object.
 * `layout-cache.test.ts` fails when a pdfkit upgrade changes that.
 */
interface PdfkitFontInternals {
  layoutCache?: unknown
}

/** Empties every font's layout cache; answers how many caches it emptied. */
export function forgetLayouts(doc: PDFKit.PDFDocument): number {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, PdfkitFontInternals> })
    ._fontFamilies
  let emptied = 0
  for (const font of Object.values(fonts ?? {})) {
    if (typeof font.layoutCache !== 'object' || font.layoutCache === null) continue
    font.layoutCache = Object.create(null) as object
    emptied += 1
  }
  return emptied
}
