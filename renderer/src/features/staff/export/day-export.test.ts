import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { contract, type MethodInput } from '@shared/api'
import type { DrawnSignatureRecord, SignatureRecord } from '@shared/signature'
import { sampleSignatures } from '@shared/testing/sample-signatures'
import { toStored } from '../../../db/save-signature'
import { KioskDB } from '../../../db/schema'
import { exportDay, exportSelection, type ExportApi } from './day-export'
import { JobCancelled } from './jobs'

const DAY = '2026-10-13'
const TZ = 'Europe/Brussels'
const opened: KioskDB[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()))
})

async function seededDb(records: DrawnSignatureRecord[]): Promise<KioskDB> {
  const db = new KioskDB(`test-${crypto.randomUUID()}`)
  opened.push(db)
  await db.signatures.bulkAdd(records.map(toStored))
  await db.strokes.bulkAdd(records.map((r) => ({ id: r.id, signature: r.signature })))
  return db
}

type Call = { method: string; input: unknown }

/** An export API that checks every argument against the contract, as the main process does. */
function fakeApi(
  options: { failFinish?: boolean; onAdd?: (n: number) => void; encryptedTo?: string } = {},
) {
  const encryptedTo = options.encryptedTo ?? null
  const calls: Call[] = []
  const parse = <M extends keyof typeof contract>(method: M, input: unknown) => {
    calls.push({ method, input })
    return contract[method].input.parse(input) as MethodInput<M>
  }
  let adds = 0
  const api: ExportApi = {
    beginExport: async (input) => {
      parse('beginExport', input)
      return { jobId: '0190f5a4-7b2e-7c3d-8e4f-a1b2c3d4e5f6', folder: '/exports', encryptedTo }
    },
    addToExport: async (input) => {
      parse('addToExport', input)
      options.onAdd?.(++adds)
      return { records: 0 }
    },
    finishExport: async (input) => {
      parse('finishExport', input)
      if (options.failFinish) throw new Error('disk full')
      return {
        folder: `/exports/EWRC26-B01-${DAY}`,
        batches: [
          {
            day: DAY,
            folder: `/exports/EWRC26-B01-${DAY}`,
            records: 600,
            individuals: 1,
            organisations: 599,
            withdrawals: 1,
            auditEntries: 2,
          },
        ],
        encryptedTo,
      }
    },
    cancelExport: async (input) => {
      parse('cancelExport', input)
    },
  }
  const added = (key: 'records' | 'withdrawals' | 'audit') =>
    calls
      .filter((c) => c.method === 'addToExport')
      .flatMap((c) => ((c.input as Record<string, unknown[]>)[key] ?? []) as unknown[])
  return { api, calls, added }
}

const RECORDS = sampleSignatures({ count: 900, seed: 5, firstDay: '2026-10-12', days: 3 })
const ON_DAY = RECORDS.filter((r) => r.day === DAY)

async function dayWithHistory() {
  const db = await seededDb(RECORDS)
  await db.tombstones.bulkAdd([
    // 23:30 UTC on the 12th is already the 13th in Brussels (CEST).
    {
      id: crypto.randomUUID(),
      certificateNo: 'EWRC26-B01-009001',
      withdrawnAt: '2026-10-12T23:30:00.000Z',
      syncState: 'pending',
    },
    {
      id: crypto.randomUUID(),
      certificateNo: 'EWRC26-B01-009002',
      withdrawnAt: '2026-10-12T21:30:00.000Z',
      syncState: 'pending',
    },
  ])
  await db.audit.bulkAdd([
    { at: '2026-10-13T07:00:00.000Z', action: 'staff-unlock', detail: 'Console unlocked' },
    { at: '2026-10-13T08:00:00.000Z', action: 'signature-saved', detail: 'EWRC26-B01-000001' },
    { at: '2026-10-13T09:00:00.000Z', action: 'export', detail: 'Exported 2026-10-12' },
    { at: '2026-10-13T10:00:00.000Z', action: 'withdrawal', detail: 'Withdrew EWRC26-B01-009001' },
    { at: '2026-10-13T22:30:00.000Z', action: 'staff-lock', detail: 'next day in Brussels' },
  ])
  return db
}

describe('exportDay', () => {
  it("sends the day's records in chunks with its withdrawals and audit, then notes the export", async () => {
    const db = await dayWithHistory()
    const { api, calls, added } = fakeApi()
    const progress: string[] = []
    const result = await exportDay(db, api, {
      day: DAY,
      timeZone: TZ,
      onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
    })
    expect(result.folder).toBe(`/exports/EWRC26-B01-${DAY}`)
    expect(calls[0]).toEqual({ method: 'beginExport', input: { kind: 'day', day: DAY } })
    const recordChunks = calls
      .filter((c) => c.method === 'addToExport' && 'records' in (c.input as object))
      .map((c) => (c.input as { records: unknown[] }).records.length)
    expect(recordChunks.every((n) => n <= 250)).toBe(true)
    expect((added('records') as SignatureRecord[]).map((r) => r.certificateNo).sort()).toEqual(
      ON_DAY.map((r) => r.certificateNo).sort(),
    )
    // Strokes travel with the records.
    expect((added('records') as SignatureRecord[])[0]?.signature?.strokes.length).toBeGreaterThan(0)
    expect(added('withdrawals')).toEqual([
      {
        id: expect.any(String),
        certificateNo: 'EWRC26-B01-009001',
        withdrawnAt: '2026-10-12T23:30:00.000Z',
      },
    ])
    expect(added('audit')).toEqual([
      { id: 1, at: '2026-10-13T07:00:00.000Z', action: 'staff-unlock', detail: 'Console unlocked' },
      {
        id: 4,
        at: '2026-10-13T10:00:00.000Z',
        action: 'withdrawal',
        detail: 'Withdrew EWRC26-B01-009001',
      },
    ])
    expect(calls.at(-1)?.method).toBe('finishExport')
    expect(progress[0]).toBe(`reading 0/${ON_DAY.length}`)
    expect(progress.at(-1)).toBe(`writing ${ON_DAY.length}/${ON_DAY.length}`)
    const exports = await db.audit.where('action').equals('export').toArray()
    expect(exports.at(-1)?.detail).toBe(
      `Exported ${DAY}: 600 signature(s), 1 withdrawal(s), 2 audit entries to /exports/EWRC26-B01-${DAY}; encrypted: no`,
    )
  })

  it('passes the confirmation of a plain export on, and notes an encrypted one as such', async () => {
    const db = await dayWithHistory()
    const plain = fakeApi()
    await exportDay(db, plain.api, { day: DAY, timeZone: TZ, unencrypted: true })
    expect(plain.calls[0]).toEqual({
      method: 'beginExport',
      input: { kind: 'day', day: DAY, unencrypted: true },
    })
    const key = `age1${'q'.repeat(58)}`
    const sealed = fakeApi({ encryptedTo: key })
    await exportDay(db, sealed.api, { day: DAY, timeZone: TZ })
    const exports = await db.audit.where('action').equals('export').toArray()
    expect(exports.at(-1)?.detail).toMatch(new RegExp(`; encrypted: yes, to ${key}$`))
  })

  it('sends exactly the same content again on re-export (its own export line stays out)', async () => {
    const db = await dayWithHistory()
    const first = fakeApi()
    await exportDay(db, first.api, { day: DAY, timeZone: TZ })
    const second = fakeApi()
    await exportDay(db, second.api, { day: DAY, timeZone: TZ })
    expect(second.calls).toEqual(first.calls)
  })

  it('cancel stops between chunks, ends the job, and notes nothing', async () => {
    const db = await dayWithHistory()
    const controller = new AbortController()
    const { api, calls } = fakeApi({ onAdd: (n) => n === 1 && controller.abort() })
    await expect(
      exportDay(db, api, { day: DAY, timeZone: TZ, signal: controller.signal }),
    ).rejects.toBeInstanceOf(JobCancelled)
    expect(calls.filter((c) => c.method === 'addToExport')).toHaveLength(1)
    expect(calls.at(-1)?.method).toBe('cancelExport')
    expect(await db.audit.where('action').equals('export').count()).toBe(1)
  })

  it('a failed write is reported and leaves no export line', async () => {
    const db = await dayWithHistory()
    const { api, calls } = fakeApi({ failFinish: true })
    await expect(exportDay(db, api, { day: DAY, timeZone: TZ })).rejects.toThrow('disk full')
    expect(calls.some((c) => c.method === 'cancelExport')).toBe(false)
    expect(await db.audit.where('action').equals('export').count()).toBe(1)
  })
})

describe('exportSelection', () => {
  it('sends only the selected records, across days, and no audit or withdrawals', async () => {
    const db = await seededDb(RECORDS)
    const { api, calls, added } = fakeApi()
    const ids = [RECORDS[0]!.id, RECORDS[450]!.id, RECORDS[899]!.id]
    await exportSelection(db, api, { ids })
    expect(calls[0]).toEqual({ method: 'beginExport', input: { kind: 'selection' } })
    expect((added('records') as SignatureRecord[]).map((r) => r.id)).toEqual(ids)
    expect(added('withdrawals')).toEqual([])
    expect(added('audit')).toEqual([])
    expect((await db.audit.toArray()).map((e) => e.action)).toEqual(['export'])
  })
})
