import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
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
    expect(result).toMatchObject({ path, count: 23, downloadable: true })
    expect(result.bytes).toBe((await readFile(path)).length)
    expect((await pdfInfo(path)).Pages).toBe('23')
    // Page n holds record n: the order the console sent (by certificate number).
    for (const n of [1, 12, 23]) {
      const record = RECORDS[n - 1]!
      const text = (await pdfText(path, n)).replace(/\s+/g, ' ')
      expect(text).toContain(record.certificateNo)
      expect(text).toContain(record.lastName)
    }
    // The web host's download gives the very file.
    expect(Buffer.from(await certificates.read(jobId)).equals(await readFile(path))).toBe(true)
    expect(await readdir(exportsDir)).toEqual(['EWRC26-B01-certificates-2026-10-13-all.pdf'])
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
