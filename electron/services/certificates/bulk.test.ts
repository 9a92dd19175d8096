import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import type { SignatureRecord } from '../../shared/signature'
import { useTempDirs } from '../testing/temp-dir'
import { NoCertificatesError, writeCertificates } from './bulk'
import { EU_LANGUAGE_NAMES, euLanguageRecords, makeRecord } from './testing/records'
import { decodeQr, pageCount, pdfText, withPdfFile } from './testing/poppler'

const settings = DEFAULT_SETTINGS
const tempDir = useTempDirs()
const flat = (text: string) => text.replace(/\s+/g, ' ')

function records(n: number): SignatureRecord[] {
  return Array.from({ length: n }, (_, i) =>
    makeRecord({ firstName: `Person${i + 1}`, lastName: 'Nowak' }, i + 1),
  )
}

async function* slowly(list: SignatureRecord[]): AsyncIterable<SignatureRecord> {
  for (const record of list) {
    await new Promise((resolve) => setImmediate(resolve))
    yield record
  }
}

describe('writeCertificates', () => {
  it('prints every EU official language exactly, one certificate per page', async () => {
    const file = join(await tempDir(), 'eu.pdf')
    const list = euLanguageRecords()
    expect(list).toHaveLength(24)
    const result = await writeCertificates(list, file, settings)
    expect(result.count).toBe(24)
    expect(await pageCount(file)).toBe(24)
    for (const [i, entry] of EU_LANGUAGE_NAMES.entries()) {
      const text = flat(await pdfText(file, i + 1))
      expect(text, entry.lang).toContain(`${entry.first} ${entry.last}`)
      expect(text, entry.lang).toContain(entry.org)
      expect(text, entry.lang).toContain(`EWRC26-B03-${String(i + 1).padStart(6, '0')}`)
    }
  })

  it('writes N pages for N records and reports progress with the total', async () => {
    const file = join(await tempDir(), 'batch.pdf')
    const progress: Array<[number, number | undefined]> = []
    const result = await writeCertificates(records(7), file, settings, {
      onProgress: (done, total) => progress.push([done, total]),
    })
    expect(result).toMatchObject({ count: 7 })
    expect(result.bytes).toBe((await readFile(file)).length)
    expect(await pageCount(file)).toBe(7)
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, 7]))
    const page5 = flat(await pdfText(file, 5))
    expect(page5).toContain('Person5 Nowak')
    expect(page5).not.toContain('Person4 Nowak')
    expect(await decodeQr(file, 5)).toBe(
      'https://register.cohesionalliance.eu/v1/certificates/EWRC26-B03-000005',
    )
  })

  it('reads an async stream of records, with the total given separately', async () => {
    const file = join(await tempDir(), 'stream.pdf')
    const seen: Array<number | undefined> = []
    await writeCertificates(slowly(records(3)), file, settings, {
      total: 3,
      onProgress: (_, total) => seen.push(total),
    })
    expect(await pageCount(file)).toBe(3)
    expect(seen).toEqual([3, 3, 3])
  })

  it('prints each page in its signatory language unless one language is asked for', async () => {
    const dir = await tempDir()
    const mixed = [makeRecord({ language: 'fr' }, 1), makeRecord({ language: 'de' }, 2)]
    await writeCertificates(mixed, join(dir, 'own.pdf'), settings)
    expect(flat(await pdfText(join(dir, 'own.pdf'), 1))).toContain('Certificat de soutien')
    expect(flat(await pdfText(join(dir, 'own.pdf'), 2))).toContain('Unterstützungsurkunde')
    await writeCertificates(mixed, join(dir, 'en.pdf'), settings, { language: 'en' })
    const english = flat(await pdfText(join(dir, 'en.pdf')))
    expect(english).not.toContain('Certificat de soutien')
    expect(english.match(/Certificate of endorsement/g)).toHaveLength(2)
  })

  it('leaves no file behind when cancelled part-way', async () => {
    const dir = await tempDir()
    const file = join(dir, 'cancelled.pdf')
    const controller = new AbortController()
    let last = 0
    const run = writeCertificates(slowly(records(50)), file, settings, {
      signal: controller.signal,
      onProgress: (done) => {
        last = done
        if (done === 5) controller.abort()
      },
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(last).toBe(5)
    expect(await readdir(dir)).toEqual([])
  })

  it('does not touch an existing file at the destination when cancelled', async () => {
    const dir = await tempDir()
    const file = join(dir, 'earlier.pdf')
    await writeCertificates(records(1), file, settings)
    const before = await readFile(file)
    const controller = new AbortController()
    const run = writeCertificates(records(10), file, settings, {
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort(),
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect((await readFile(file)).equals(before)).toBe(true)
    expect(await readdir(dir)).toEqual(['earlier.pdf'])
  })

  it('refuses to start with an already cancelled signal', async () => {
    const dir = await tempDir()
    const run = writeCertificates(records(2), join(dir, 'x.pdf'), settings, {
      signal: AbortSignal.abort(),
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(await readdir(dir)).toEqual([])
  })

  it('refuses an empty selection without leaving a file', async () => {
    const dir = await tempDir()
    await expect(writeCertificates([], join(dir, 'none.pdf'), settings)).rejects.toBeInstanceOf(
      NoCertificatesError,
    )
    expect(await readdir(dir)).toEqual([])
  })

  it('fails cleanly when the destination folder does not exist', async () => {
    const dir = await tempDir()
    const run = writeCertificates(records(2), join(dir, 'missing', 'out.pdf'), settings)
    await expect(run).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readdir(dir)).toEqual([])
  })

  it('streams into a caller-owned writable and ends it', async () => {
    const sink = new PassThrough()
    const chunks: Buffer[] = []
    sink.on('data', (chunk: Buffer) => chunks.push(chunk))
    const result = await writeCertificates(records(3), sink, settings)
    expect(sink.writableEnded).toBe(true)
    const pdf = Buffer.concat(chunks)
    expect(pdf.length).toBe(result.bytes)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    await withPdfFile(pdf, async (file) => expect(await pageCount(file)).toBe(3))
  })

  it('gives the same bytes for the same records when the document date is fixed', async () => {
    const dir = await tempDir()
    const createdAt = new Date('2026-10-15T18:00:00Z')
    await writeCertificates(records(3), join(dir, 'a.pdf'), settings, { createdAt })
    await writeCertificates(records(3), join(dir, 'b.pdf'), settings, { createdAt })
    const [a, b] = await Promise.all([readFile(join(dir, 'a.pdf')), readFile(join(dir, 'b.pdf'))])
    expect(a.equals(b)).toBe(true)
  })
})
