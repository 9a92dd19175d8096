import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SignatureRecord } from '../shared/signature'
import { sampleSignatures } from '../shared/testing/sample-signatures'
import { ApiError } from '../shared/api-error'
import { readExportBatch } from './export'
import { generateKeyPair } from './export/encryption'
import { DAY, sampleDay } from './export/test-helpers'
import { ExportDesk } from './export-desk'
import { ExportFolders } from './export-folders'
import { SettingsStore } from './settings-store'
import { silentLog, useTempDirs } from './testing/temp-dir'

const newDir = useTempDirs()

async function desk(
  options: { chooser?: () => Promise<string | null>; idleMs?: number; publicKey?: string } = {},
) {
  const dataDir = await newDir()
  const settings = await SettingsStore.open(dataDir, silentLog)
  await settings.update({
    kioskId: 'B03',
    eventCode: 'EWRC26',
    ...(options.publicKey ? { exportPublicKey: options.publicKey } : {}),
  })
  const folders = new ExportFolders(join(dataDir, 'exports'), options.chooser)
  const exports = new ExportDesk({
    settings,
    folders,
    appVersion: '0.1.0',
    now: () => new Date('2026-10-14T09:08:07.123Z'),
    ...(options.idleMs ? { idleMs: options.idleMs } : {}),
  })
  return { exports, folders, dataDir }
}

/** Sends a day in chunks the way the staff console does. */
async function exportInChunks(
  exports: ExportDesk,
  content: ReturnType<typeof sampleDay>,
  chunk = 7,
  folder?: string,
) {
  const { jobId } = await exports.begin({
    kind: 'day',
    day: DAY,
    unencrypted: true,
    ...(folder ? { folder } : {}),
  })
  for (let i = 0; i < content.records.length; i += chunk) {
    await exports.add({
      jobId,
      records: content.records.slice(i, i + chunk),
      withdrawals: [],
      audit: [],
    })
  }
  await exports.add({
    jobId,
    records: [],
    withdrawals: content.withdrawals,
    audit: content.audit,
  })
  return exports.finish(jobId)
}

async function readAll(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const name of (await readdir(folder)).sort()) {
    files[name] = (await readFile(join(folder, name))).toString('base64')
  }
  return files
}

describe('ExportDesk', () => {
  it('writes a day sent in chunks as a verifiable batch, and the same bytes again on re-export', async () => {
    const { exports, dataDir } = await desk()
    const content = sampleDay(40)
    const first = await exportInChunks(exports, content)
    expect(first.folder).toBe(join(dataDir, 'exports', `EWRC26-B03-${DAY}`))
    expect(first.batches).toEqual([
      {
        day: DAY,
        folder: first.folder,
        records: 40,
        individuals: content.records.filter((r) => r.capacity === 'individual').length,
        organisations: content.records.filter((r) => r.capacity === 'organisation').length,
        withdrawals: 2,
        auditEntries: 3,
      },
    ])
    const batch = await readExportBatch(first.folder)
    expect(batch.records.map((r) => r.certificateNo)).toEqual(
      content.records.map((r) => r.certificateNo).sort(),
    )
    const bytes = await readAll(first.folder)

    // Another chunk size and order: the files do not change.
    const again = await exportInChunks(
      exports,
      { ...content, records: [...content.records].reverse() },
      13,
    )
    expect(again.folder).toBe(first.folder)
    expect(await readAll(again.folder)).toEqual(bytes)
  })

  it('refuses a record of another day, or one sent twice, at once', async () => {
    const { exports } = await desk()
    const [record] = sampleDay(1).records as [SignatureRecord]
    const { jobId } = await exports.begin({ kind: 'day', day: DAY, unencrypted: true })
    await expect(
      exports.add({
        jobId,
        records: [{ ...record, day: '2026-10-13' }],
        withdrawals: [],
        audit: [],
      }),
    ).rejects.toThrow(/is from 2026-10-13, not 2026-10-12/)
    await exports.add({ jobId, records: [record], withdrawals: [], audit: [] })
    await expect(
      exports.add({ jobId, records: [record], withdrawals: [], audit: [] }),
    ).rejects.toThrow(/sent twice/)
  })

  it('refuses a record of another kiosk when writing, and writes nothing', async () => {
    const { exports, dataDir } = await desk()
    const [record] = sampleSignatures({ count: 1, kioskId: 'B09', firstDay: DAY })
    const { jobId } = await exports.begin({ kind: 'day', day: DAY, unencrypted: true })
    await exports.add({ jobId, records: [record!], withdrawals: [], audit: [] })
    await expect(exports.finish(jobId)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/kiosk B09, not EWRC26, B03.*Nothing was written/),
    })
    expect(await readdir(join(dataDir, 'exports'))).toEqual([])
    // The job ended with the failure: the console starts again.
    await expect(exports.finish(jobId)).rejects.toMatchObject({ code: 'not-found' })
  })

  it('exports a selection across days as one batch per day in a selection folder', async () => {
    const { exports, dataDir } = await desk()
    const records = sampleSignatures({ count: 30, seed: 3, kioskId: 'B03', firstDay: DAY, days: 3 })
    const picked = records.filter((_, i) => i % 4 === 0)
    const { jobId } = await exports.begin({ kind: 'selection', unencrypted: true })
    await exports.add({ jobId, records: picked, withdrawals: [], audit: [] })
    const result = await exports.finish(jobId)

    expect(result.folder).toBe(join(dataDir, 'exports', 'EWRC26-B03-selection-20261014-090807'))
    const days = [...new Set(picked.map((r) => r.day))].sort()
    expect(result.batches.map((b) => b.day)).toEqual(days)
    expect(await readdir(result.folder)).toEqual(days.map((day) => `EWRC26-B03-${day}`))
    let total = 0
    for (const summary of result.batches) {
      const batch = await readExportBatch(summary.folder)
      expect(batch.records.every((r) => r.day === summary.day)).toBe(true)
      expect(batch.withdrawals).toEqual([])
      total += batch.records.length
    }
    expect(total).toBe(picked.length)
    // No half-built folder is left beside it.
    expect(await readdir(join(dataDir, 'exports'))).toEqual([
      'EWRC26-B03-selection-20261014-090807',
    ])

    // A second selection in the same second gets its own folder.
    const second = await exports.begin({ kind: 'selection', unencrypted: true })
    await exports.add({
      jobId: second.jobId,
      records: picked.slice(0, 1),
      withdrawals: [],
      audit: [],
    })
    expect((await exports.finish(second.jobId)).folder).toMatch(/selection-20261014-090807-2$/)
  })

  it('keeps withdrawals and audit lines out of a selection', async () => {
    const { exports } = await desk()
    const content = sampleDay(10)
    expect(content.withdrawals).toHaveLength(2)
    const { jobId } = await exports.begin({ kind: 'selection', unencrypted: true })
    await expect(
      exports.add({ jobId, records: [], withdrawals: content.withdrawals, audit: [] }),
    ).rejects.toThrow(/selected signatures only/)
    await expect(exports.finish(jobId)).rejects.toThrow(/no signature is selected/)
  })

  it('writes only to the export folder or one chosen in the dialog', async () => {
    const stick = await newDir()
    let answer: string | null = stick
    const { exports, folders } = await desk({ chooser: async () => answer })
    await expect(
      exports.begin({ kind: 'day', day: DAY, unencrypted: true, folder: '/etc' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
    await expect(
      exports.begin({ kind: 'day', day: DAY, unencrypted: true, folder: stick }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
    expect(await folders.choose()).toBe(stick)
    const result = await exportInChunks(exports, sampleDay(3), 2, stick)
    expect(result.folder).toBe(join(stick, `EWRC26-B03-${DAY}`))
    answer = null
    expect(await folders.choose()).toBeNull()
  })

  it('refuses an impossible day, and forgets a job left idle (only once idle)', async () => {
    const { exports } = await desk({ idleMs: 30_000 })
    await expect(exports.begin({ kind: 'day', day: '2026-02-30' })).rejects.toMatchObject({
      code: 'invalid-argument',
      reason: 'no-such-day',
      params: { day: '2026-02-30' },
    })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { jobId } = await exports.begin({ kind: 'day', day: DAY, unencrypted: true })
    const chunk = { jobId, records: [], withdrawals: [], audit: [] }
    vi.advanceTimersByTime(29_999)
    // Each call keeps the job alive for another idle period.
    await expect(exports.add(chunk)).resolves.toEqual({ records: 0 })
    vi.advanceTimersByTime(29_999)
    await expect(exports.add(chunk)).resolves.toEqual({ records: 0 })
    vi.advanceTimersByTime(30_000)
    await expect(exports.add(chunk)).rejects.toMatchObject({
      code: 'not-found',
      reason: 'job-gone',
      params: { job: 'export' },
    })
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('cancel drops the job; a third export at once is refused', async () => {
    const { exports } = await desk()
    const a = await exports.begin({ kind: 'day', day: DAY, unencrypted: true })
    await exports.begin({ kind: 'day', day: DAY, unencrypted: true })
    await expect(exports.begin({ kind: 'day', day: DAY, unencrypted: true })).rejects.toMatchObject(
      {
        code: 'conflict',
      },
    )
    exports.cancel(a.jobId)
    await expect(exports.finish(a.jobId)).rejects.toMatchObject({ code: 'not-found' })
    await exports.begin({ kind: 'day', day: DAY, unencrypted: true })
  })

  it('refuses a plain export that staff did not confirm, writing nothing', async () => {
    const { exports, dataDir } = await desk()
    await expect(exports.begin({ kind: 'day', day: DAY })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/would not be encrypted/) as unknown,
    })
    await expect(exports.begin({ kind: 'selection' })).rejects.toBeInstanceOf(ApiError)
    const written = await readdir(join(dataDir, 'exports')).catch(() => [])
    expect(written).toEqual([])
  })

  it("encrypts to the organisers' public key from the settings, day and selection alike", async () => {
    const { recipient, identity } = await generateKeyPair()
    const { exports } = await desk({ publicKey: recipient })
    const content = sampleDay(12)
    const started = await exports.begin({ kind: 'day', day: DAY })
    expect(started.encryptedTo).toBe(recipient)
    await exports.add({ jobId: started.jobId, ...content })
    const day = await exports.finish(started.jobId)
    expect(day.encryptedTo).toBe(recipient)
    expect((await readdir(day.folder)).sort()).toEqual([
      'audit.json.age',
      'manifest.json',
      'signatures.csv.age',
      'signatures.json.age',
    ])
    expect((await readExportBatch(day.folder, { identity })).records).toHaveLength(12)

    const selection = await exports.begin({ kind: 'selection' })
    await exports.add({
      jobId: selection.jobId,
      records: content.records,
      withdrawals: [],
      audit: [],
    })
    const written = await exports.finish(selection.jobId)
    expect(written.encryptedTo).toBe(recipient)
    const batch = written.batches[0]!
    expect(await readdir(batch.folder)).toContain('signatures.json.age')
  })
})
