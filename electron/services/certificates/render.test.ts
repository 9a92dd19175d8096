import { certificateStrings } from './strings'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import { renderCertificate } from './render'
import { euLanguageRecords, makeRecord } from './testing/records'
import { decodeQr, pageCount, pdfInfo, pdfText, withPdfFile, wordBoxes } from './testing/poppler'

const settings = DEFAULT_SETTINGS
const flat = (text: string) => text.replace(/\s+/g, ' ')

describe('renderCertificate', () => {
  it('prints the name, title, hashtag, capacity, place, date and number in the signatory language', async () => {
    const record = makeRecord({ language: 'fr', firstName: 'Éléonore', lastName: 'Lefèvre-Dupré' })
    const text = await withPdfFile(await renderCertificate(record, settings), (f) => pdfText(f))
    const t = flat(text)
    expect(t).toContain('Éléonore Lefèvre-Dupré')
    expect(t).toContain('#CohesionAlliance')
    expect(t).toContain('Certificat de soutien')
    expect(t).toContain('à titre individuel')
    expect(t).toContain('European Week of Regions and Cities 2026')
    expect(t).toContain('Brussels, le 13 octobre 2026')
    expect(t).toContain('EWRC26-B03-000123')
    expect(t).toContain('Assembly of European Regions')
    expect(t).toContain('EUROCITIES')
  })

  it('names the organisation and role when signed on behalf of one', async () => {
    const record = makeRecord({
      language: 'de',
      capacity: 'organisation',
      organisationType: 'city',
      organisationName: 'Stadt Görlitz',
      role: 'Oberbürgermeisterin',
    })
    const t = flat(await withPdfFile(await renderCertificate(record, settings), (f) => pdfText(f)))
    expect(t).toContain('Oberbürgermeisterin, im Namen von')
    expect(t).toContain('Stadt Görlitz')
    expect(t).toContain('Stadt, Kreis oder Gemeinde')
    expect(t).toContain('im Namen dieser Organisation')
    expect(t).toContain('Unterstützungsurkunde')
  })

  it('leaves out organisation details for an individual', async () => {
    const record = makeRecord({ organisationName: 'Leftover Org', role: 'Leftover role' })
    const t = flat(await withPdfFile(await renderCertificate(record, settings), (f) => pdfText(f)))
    expect(t).not.toContain('Leftover')
    expect(t).toContain('in an individual capacity')
  })

  it('dates the signature in the event time zone, not UTC', async () => {
    // 23:30 UTC on 13 October is already 14 October in Brussels.
    const record = makeRecord({ createdAt: '2026-10-13T23:30:00.000Z' })
    const t = flat(await withPdfFile(await renderCertificate(record, settings), (f) => pdfText(f)))
    expect(t).toContain('Brussels, 14 October 2026')
    const utc = await renderCertificate(record, { ...settings, timeZone: 'UTC' })
    expect(flat(await withPdfFile(utc, (f) => pdfText(f)))).toContain('Brussels, 13 October 2026')
  })

  it('is written in the signatory’s language, keeping the name as typed', async () => {
    const record = makeRecord({ language: 'el', firstName: 'Γεώργιος', lastName: 'Παπαδόπουλος' })
    const t = flat(await withPdfFile(await renderCertificate(record, settings), (f) => pdfText(f)))
    expect(t).toContain(certificateStrings('el').title)
    expect(t).not.toContain('Certificate of endorsement')
    expect(t).toContain('Γεώργιος Παπαδόπουλος')
  })

  it('uses an explicit language over the signatory one', async () => {
    const record = makeRecord({ language: 'de' })
    const bytes = await renderCertificate(record, settings, { language: 'fr' })
    expect(flat(await withPdfFile(bytes, (f) => pdfText(f)))).toContain('Certificat de soutien')
  })

  it('carries a QR code that decodes to the register verification URL', async () => {
    const record = makeRecord({}, 4711)
    const bytes = await renderCertificate(record, {
      ...settings,
      verificationBaseUrl: 'https://verify.example.eu/register/',
    })
    const decoded = await withPdfFile(bytes, (f) => decodeQr(f))
    expect(decoded).toBe('https://verify.example.eu/register/v1/certificates/EWRC26-B03-004711')
  })

  it('prints no QR code and no verification line when no register is configured', async () => {
    const bytes = await renderCertificate(makeRecord(), { ...settings, verificationBaseUrl: '' })
    await withPdfFile(bytes, async (f) => {
      expect(await decodeQr(f)).toBeNull()
      const t = flat(await pdfText(f))
      expect(t).not.toContain('Verify this certificate')
      expect(t).toContain('EWRC26-B03-000123')
    })
  })

  it('is deterministic: the same record and settings give the same bytes', async () => {
    const record = makeRecord({ firstName: 'Łucja', lastName: 'Śliwińska' })
    const first = await renderCertificate(record, settings)
    const second = await renderCertificate(structuredClone(record), { ...settings })
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
    const other = await renderCertificate({ ...record, lastName: 'Śliwiński' }, settings)
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false)
  })

  it('reprints the same bytes whatever was printed in between', async () => {
    const record = makeRecord({ language: 'fr', firstName: 'Ηλέκτρα', lastName: 'Ñúñez Øster' })
    const original = await renderCertificate(record, settings)
    for (const other of euLanguageRecords()) await renderCertificate(other, settings)
    const reprint = await renderCertificate(record, settings)
    expect(Buffer.from(reprint).equals(Buffer.from(original))).toBe(true)
  })

  it('prints a name typed with a line break or tab on one line', async () => {
    const record = makeRecord({ firstName: 'Anna\nMaria', lastName: '\tNowak ' })
    const bytes = await renderCertificate(record, settings)
    const text = await withPdfFile(bytes, (f) => pdfText(f))
    expect(text).toContain('Anna Maria Nowak\n')
  })

  it('dates the PDF from the record, not from the clock', async () => {
    const bytes = await renderCertificate(makeRecord(), settings)
    const info = await withPdfFile(bytes, (f) => pdfInfo(f))
    expect(info.CreationDate).toBe('2026-10-13T09:41:07Z')
    expect(info.ModDate).toBe('2026-10-13T09:41:07Z')
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts \(A4\)/)
    expect(info.Title).toBe('Certificate of endorsement – Anna Nowak')
  })
})

describe('long texts', () => {
  const inner = { left: 36, top: 36 }

  async function expectInsidePage(bytes: Uint8Array, mustContain: string[]) {
    await withPdfFile(bytes, async (file) => {
      expect(await pageCount(file)).toBe(1)
      const { width, height, words } = await wordBoxes(file)
      expect(words.length).toBeGreaterThan(50)
      for (const w of words) {
        expect(w.xMin, w.word).toBeGreaterThanOrEqual(inner.left)
        expect(w.yMin, w.word).toBeGreaterThanOrEqual(inner.top)
        expect(w.xMax, w.word).toBeLessThanOrEqual(width - inner.left)
        expect(w.yMax, w.word).toBeLessThanOrEqual(height - inner.top)
      }
      const text = flat(await pdfText(file))
      for (const s of mustContain) expect(text.replace(/- /g, '-')).toContain(s)
    })
  }

  it('keeps a 200-character organisation name whole and inside the page', async () => {
    const organisationName = (
      'Europäische Vereinigung der Grenzregionen für nachhaltige territoriale Zusammenarbeit, ' +
      'Kohäsion, Innovation und Lebensqualität in ländlichen, städtischen und maritimen Räumen Europas, Sektion Nord-Ost'
    ).slice(0, 200)
    expect(organisationName).toHaveLength(200)
    const record = makeRecord({
      language: 'de',
      capacity: 'organisation',
      organisationType: 'association-of-regions',
      organisationName,
      role: 'Stellvertretende Generalsekretärin',
    })
    const bytes = await renderCertificate(record, settings)
    await expectInsidePage(bytes, [
      'Europäische Vereinigung der Grenzregionen',
      'Räumen Europas, Sektion Nord',
    ])
  })

  it('keeps the longest allowed texts inside the page, even without spaces to break at', async () => {
    const record = makeRecord({
      capacity: 'organisation',
      organisationType: 'other',
      organisationName: 'Ω'.repeat(300),
      role: 'Directorate-General '.repeat(10).trim(),
      firstName: 'Wolfeschlegelsteinhausenbergerdorff'.repeat(3).slice(0, 100),
      lastName: 'Ŵ'.repeat(100),
    })
    const bytes = await renderCertificate(record, {
      ...settings,
      eventName: 'European Week of Regions and Cities — the annual gathering of regions, cities, '
        .repeat(2)
        .slice(0, 120),
      eventCity: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch and elsewhere'.slice(
        0,
        80,
      ),
    })
    await expectInsidePage(bytes, ['EWRC26-B03-000123'])
  })
})
