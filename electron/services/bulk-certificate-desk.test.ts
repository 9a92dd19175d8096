import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Writable } from 'node:stream'
import { DOWNLOAD_PATH_PREFIX } from '../shared/bulk-certificates'
import { sampleSignatures } from '../shared/testing/sample-signatures'
import { BulkCertificateDesk } from './bulk-certificate-desk'
import { pdfInfo, pdfText } from './certificates/testing/poppler'
import { ExportFolders } from './export-folders'
import { SettingsStore } from './settings-store'
import { silentLog, useTempDirs } from './testing/temp-dir'

const newDir = useTempDirs()

afterEach(() => {
  vi.useRealTimers()
})

async function desk(idleMs?: number) {
  const dataDir = await newDir()
  const settings = await SettingsStore.open(dataDir, silentLog)
  const exportsDir = join(dataDir, 'exports')
  const folders = new ExportFolders(exportsDir)
  return {
    exportsDir,
    certificates: new BulkCertificateDesk({
      settings,
      folders,
      ...(idleMs ? { idleMs } : {}),
    }),
  }
}

/** A stand-in for the browser's download: keeps what arrives, and when. */
function collector(options: { failAfterBytes?: number } = {}) {
  const chunks: Buffer[] = []
  let size = 0
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      size += chunk.length
      if (options.failAfterBytes !== undefined && size > options.failAfterBytes) {
        stream.destroy()
      }
      done()
    },
  })
  return { stream, bytes: () => Buffer.concat(chunks), size: () => size }
}

const RECORDS = sampleSignatures({ count: 23, seed: 11, firstDay: '2026-10-13', languages: ['en'] })

describe('BulkCertificateDesk', () => {
  it('streams records sent in chunks into one PDF with a page each, in order', async () => {
    const { certificates, exportsDir } = await desk()
    const { jobId, path } = await certificates.begin({ label: '2026-10-13-all', total: 23 })
    expect(path).toBe(join(exportsDir, 'EWRC26-B01-certificates-2026-10-13-all.pdf'))
    const progress = []
    for (let i = 0; i < RECORDS.length; i += 10) {
      progress.push(await certificates.add(jobId, RECORDS.slice(i, i + 10)))
    }
    expect(progress.map((p) => p.total)).toEqual([23, 23, 23])
    const result = await certificates.finish(jobId)
    expect(result).toMatchObject({ path, count: 23 })
    expect(result.bytes).toBe((await readFile(path)).length)
    expect((await pdfInfo(path)).Pages).toBe('23')
    // Page n holds record n: the order the console sent (by certificate number).
    for (const n of [1, 12, 23]) {
      const record = RECORDS[n - 1]!
      const text = (await pdfText(path, n)).replace(/\s+/g, ' ')
      expect(text).toContain(record.certificateNo)
      expect(text).toContain(record.lastName)
    }
    // The web host's download gives the very file, once.
    const { url } = certificates.download(jobId)
    const token = url.slice(DOWNLOAD_PATH_PREFIX.length)
    const copy = collector()
    await certificates.take(token)!.send(copy.stream)
    expect(copy.bytes().equals(await readFile(path))).toBe(true)
    expect(certificates.take(token)).toBeNull()
    expect(await readdir(exportsDir)).toEqual(['EWRC26-B01-certificates-2026-10-13-all.pdf'])
  })

  it('streams a download job to the browser as the pages are written, and the same bytes to the file', async () => {
    const { certificates, exportsDir } = await desk()
    const { jobId, path, downloadUrl } = await certificates.begin({
      label: 'streamed',
      total: 23,
      download: true,
    })
    expect(downloadUrl).toMatch(/^\/download\/certificates\/[\w-]{32}$/)
    const download = certificates.take(downloadUrl!.slice(DOWNLOAD_PATH_PREFIX.length))!
    expect(download.fileName).toBe('EWRC26-B01-certificates-streamed.pdf')
    const copy = collector()
    await download.send(copy.stream)
    await certificates.add(jobId, RECORDS.slice(0, 10))
    // The first pages reach the browser while the job is still open (the rest not even sent).
    await vi.waitFor(() => expect(copy.size()).toBeGreaterThan(10_000))
    expect(copy.bytes().subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(copy.stream.writableEnded).toBe(false)
    await certificates.add(jobId, RECORDS.slice(10))
    const result = await certificates.finish(jobId)
    expect(copy.stream.writableFinished).toBe(true)
    expect(copy.size()).toBe(result.bytes)
    expect(copy.bytes().equals(await readFile(path))).toBe(true)
    expect(await readdir(exportsDir)).toEqual(['EWRC26-B01-certificates-streamed.pdf'])
  })

  it('a download stopped in the browser ends the job with download-stopped and leaves no file', async () => {
    const { certificates, exportsDir } = await desk()
    const many = sampleSignatures({ count: 60, seed: 5, firstDay: '2026-10-13', languages: ['en'] })
    const { jobId, downloadUrl } = await certificates.begin({
      label: 'stopped',
      total: many.length,
      download: true,
    })
    const copy = collector({ failAfterBytes: 20_000 })
    await certificates.take(downloadUrl!.slice(DOWNLOAD_PATH_PREFIX.length))!.send(copy.stream)
    const sending = (async () => {
      for (let i = 0; i < many.length; i += 10) await certificates.add(jobId, many.slice(i, i + 10))
      return certificates.finish(jobId)
    })()
    await expect(sending).rejects.toMatchObject({ reason: 'download-stopped' })
    expect(await readdir(exportsDir)).toEqual([])
  })

  it('Cancel while streaming stops the browser download at once and leaves no file', async () => {
    const { certificates, exportsDir } = await desk()
    const { jobId, downloadUrl } = await certificates.begin({
      label: 'cancelled',
      total: 23,
      download: true,
    })
    const copy = collector()
    await certificates.take(downloadUrl!.slice(DOWNLOAD_PATH_PREFIX.length))!.send(copy.stream)
    await certificates.add(jobId, RECORDS.slice(0, 10))
    await vi.waitFor(() => expect(copy.size()).toBeGreaterThan(0))
    await certificates.cancel(jobId)
    // Destroyed, not ended: the browser sees a failed download, never a PDF that looks whole.
    expect(copy.stream.destroyed).toBe(true)
    expect(copy.stream.writableFinished).toBe(false)
    expect(await readdir(exportsDir)).toEqual([])
  })

  it('a job without a download answers no URL; a download URL works once', async () => {
    const { certificates } = await desk()
    const plain = await certificates.begin({ label: 'plain', total: 1 })
    expect(plain.downloadUrl).toBeNull()
    await certificates.cancel(plain.jobId)
    const streamed = await certificates.begin({ label: 'once', total: 1, download: true })
    const token = streamed.downloadUrl!.slice(DOWNLOAD_PATH_PREFIX.length)
    expect(certificates.take(token)).not.toBeNull()
    expect(certificates.take(token)).toBeNull()
    expect(certificates.take('not-a-token')).toBeNull()
    await certificates.cancel(streamed.jobId)
  })

  it('cancel stops the writer and leaves nothing in the folder', async () => {
    const { certificates, exportsDir } = await desk()
    const { jobId, path } = await certificates.begin({ label: 'cancelled', total: 23 })
    await certificates.add(jobId, RECORDS.slice(0, 10))
    await certificates.cancel(jobId)
    expect(await readdir(exportsDir)).toEqual([])
    await expect(certificates.add(jobId, RECORDS.slice(10, 20))).rejects.toMatchObject({
      code: 'not-found',
    })
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' })
    // The slot is free again.
    const next = await certificates.begin({ label: 'next', total: 1 })
    await certificates.add(next.jobId, RECORDS.slice(0, 1))
    expect((await certificates.finish(next.jobId)).count).toBe(1)
  })

  it('a job left idle is stopped and its partial file removed', async () => {
    const { certificates, exportsDir } = await desk(60_000)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { jobId } = await certificates.begin({ label: 'abandoned', total: 23 })
    await certificates.add(jobId, RECORDS.slice(0, 5))
    vi.advanceTimersByTime(59_999)
    // Not idle yet: the job still takes records (and this call keeps it alive once more).
    await expect(certificates.add(jobId, RECORDS.slice(5, 10))).resolves.toMatchObject({
      total: 23,
    })
    vi.advanceTimersByTime(59_999)
    await expect(certificates.add(jobId, RECORDS.slice(10, 12))).resolves.toMatchObject({
      total: 23,
    })
    // The expiry, armed by the last call, is due now: the writer stops and removes its file.
    vi.advanceTimersByTime(60_000)
    vi.useRealTimers()
    await expect.poll(() => readdir(exportsDir), { timeout: 10_000 }).toEqual([])
    await expect(certificates.finish(jobId)).rejects.toMatchObject({ code: 'not-found' })
  })

  it('refuses more records than announced, an unknown language, and a third job at once', async () => {
    const { certificates } = await desk()
    await expect(
      certificates.begin({ label: 'x', total: 1, language: 'xx' }),
    ).rejects.toMatchObject({ code: 'invalid-argument' })
    const { jobId } = await certificates.begin({ label: 'two', total: 2 })
    const other = await certificates.begin({ label: 'other', total: 2 })
    await expect(certificates.begin({ label: 'third', total: 2 })).rejects.toMatchObject({
      code: 'conflict',
    })
    await certificates.cancel(other.jobId)
    await expect(certificates.add(jobId, RECORDS.slice(0, 3))).rejects.toThrow(
      /started for 2 certificates/,
    )
    await certificates.cancel(jobId)
  })

  it('prints every certificate in one language when asked', async () => {
    const { certificates } = await desk()
    const { jobId, path } = await certificates.begin({ label: 'fr', total: 2, language: 'fr' })
    await certificates.add(jobId, RECORDS.slice(0, 2))
    await certificates.finish(jobId)
    expect(await pdfText(path, 2)).toMatch(/Certificat/)
  })

  it('finishing with no record is refused and leaves no file', async () => {
    const { certificates, exportsDir } = await desk()
    const { jobId } = await certificates.begin({ label: 'empty', total: 5 })
    await expect(certificates.finish(jobId)).rejects.toMatchObject({ code: 'invalid-argument' })
    expect(await readdir(exportsDir)).toEqual([])
  })
})
