import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api'
import type { SignatureRecord } from '@shared/signature'
import { sampleSignatures } from '@shared/testing/sample-signatures'
import { toStored } from '../../../db/save-signature'
import { KioskDB } from '../../../db/schema'
import {
  createCertificates,
  filterLabel,
  idsForFilter,
  selectionLabel,
  type CertificatesApi,
} from './bulk-certificates'
import { JobCancelled } from './jobs'

const opened: KioskDB[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()))
})

const RECORDS = sampleSignatures({ count: 450, seed: 9, firstDay: '2026-10-12', days: 3 })

async function seededDb(): Promise<KioskDB> {
  const db = new KioskDB(`test-${crypto.randomUUID()}`)
  opened.push(db)
  // Stored in reverse so the certificate order has to be made, not inherited.
  const reversed = [...RECORDS].reverse()
  await db.signatures.bulkAdd(reversed.map(toStored))
  await db.strokes.bulkAdd(reversed.map((r) => ({ id: r.id, signature: r.signature })))
  return db
}

const JOB = '0190f5a4-7b2e-7c3d-8e4f-a1b2c3d4e5f6'

function fakeApi(onAdd?: (n: number) => Promise<void> | void) {
  const calls: { method: string; input: unknown }[] = []
  let written = 0
  let adds = 0
  const api: CertificatesApi = {
    beginCertificates: async (input) => {
      calls.push({ method: 'begin', input: contract.beginCertificates.input.parse(input) })
      return { jobId: JOB, path: '/exports/x.pdf', downloadUrl: null }
    },
    addCertificates: async (input) => {
      const parsed = contract.addCertificates.input.parse(input)
      calls.push({ method: 'add', input: parsed })
      await onAdd?.(++adds)
      written += parsed.records.length
      return { done: written, total: 0 }
    },
    finishCertificates: async () => {
      calls.push({ method: 'finish', input: null })
      return { path: '/exports/x.pdf', count: written, bytes: 1000 }
    },
    cancelCertificates: async () => {
      calls.push({ method: 'cancel', input: null })
    },
  }
  return { api, calls }
}

const byNumber = (records: SignatureRecord[]) =>
  [...records].sort((a, b) => a.certificateNo.localeCompare(b.certificateNo)).map((r) => r.id)

describe('idsForFilter', () => {
  it('finds exactly the matching signatures, in certificate-number order', async () => {
    const db = await seededDb()
    const day = '2026-10-13'
    expect(await idsForFilter(db, { day, capacity: 'organisation', country: null })).toEqual(
      byNumber(RECORDS.filter((r) => r.day === day && r.capacity === 'organisation')),
    )
    const country = RECORDS[7]!.country
    expect(await idsForFilter(db, { day: null, capacity: null, country })).toEqual(
      byNumber(RECORDS.filter((r) => r.country === country)),
    )
    expect(await idsForFilter(db, { day: null, capacity: 'individual', country: null })).toEqual(
      byNumber(RECORDS.filter((r) => r.capacity === 'individual')),
    )
    expect(await idsForFilter(db, { day: null, capacity: null, country: null })).toEqual(
      byNumber(RECORDS),
    )
  })

  it('labels files after the filter or the moment of a selection', () => {
    expect(filterLabel({ day: '2026-10-13', capacity: 'organisation', country: 'DE' })).toBe(
      '2026-10-13-organisation-de',
    )
    expect(filterLabel({ day: null, capacity: null, country: null })).toBe('all-days-everyone')
    expect(selectionLabel(new Date('2026-10-13T09:08:07.5Z'))).toBe('selection-20261013-090807')
  })
})

describe('createCertificates', () => {
  it('streams the records in chunks of 100 in the given order and notes the PDF', async () => {
    const db = await seededDb()
    const ids = byNumber(RECORDS).slice(0, 250)
    const { api, calls } = fakeApi()
    const progress: number[] = []
    const result = await createCertificates(db, api, {
      ids,
      label: 'all',
      onProgress: (p) => progress.push(p.done),
    })
    expect(result).toMatchObject({ jobId: JOB, count: 250, path: '/exports/x.pdf' })
    expect(result.ids).toEqual(ids)
    expect(calls[0]).toEqual({ method: 'begin', input: { label: 'all', total: 250 } })
    const sent = calls
      .filter((c) => c.method === 'add')
      .map((c) => (c.input as { records: SignatureRecord[] }).records.map((r) => r.id))
    expect(sent.map((chunk) => chunk.length)).toEqual([100, 100, 50])
    expect(sent.flat()).toEqual(ids)
    expect(progress).toEqual([0, 100, 200, 250, 250])
    expect((await db.audit.toArray()).map((e) => [e.action, e.detail])).toEqual([
      ['bulk-certificates', '250 certificate(s) in /exports/x.pdf'],
    ])
  })

  it('keeps the ids of the signatures the PDF holds: one withdrawn since the selection has no page', async () => {
    const db = await seededDb()
    const ids = byNumber(RECORDS).slice(0, 120)
    const gone = ids[101]!
    await db.signatures.delete(gone)
    const { api } = fakeApi()
    const result = await createCertificates(db, api, { ids, label: 'all' })
    expect(result.count).toBe(119)
    expect(result.ids).toEqual(ids.filter((id) => id !== gone))
  })

  it('Cancel reaches the main process at once and nothing is noted', async () => {
    const db = await seededDb()
    const controller = new AbortController()
    const { api, calls } = fakeApi((n) => {
      if (n === 2) controller.abort()
    })
    await expect(
      createCertificates(db, api, {
        ids: byNumber(RECORDS),
        label: 'all',
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(JobCancelled)
    expect(calls.map((c) => c.method)).toEqual(['begin', 'add', 'add', 'cancel'])
    expect(await db.audit.count()).toBe(0)
  })
})
