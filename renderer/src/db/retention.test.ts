import { testDatabases } from './testing/test-db'
import { describe, expect, it } from 'vitest'
import type { JournalEntry, PurgedRecord } from '@shared/journal'
import { sampleRecord } from '@shared/testing/sample-record'
import { restoreFromJournal } from './journal-sync'
import { purgeConfirmed, unconfirmedCount } from './retention'
import { toStored } from './save-signature'
import type { KioskDB, SyncState } from './schema'

const freshDb = testDatabases()
const NOW = new Date('2026-12-01T12:00:00.000Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()
const ctx = { eventCode: 'EWRC26', kioskId: 'B01' }

async function store(db: KioskDB, n: number, syncState: SyncState, syncedAt: string | null) {
  const record = sampleRecord(n, {
    capacity: 'organisation',
    organisationType: 'city',
    organisationName: `Gmina Wieliczka ${n}`,
    role: 'Mayor',
    city: 'Wieliczka',
  })
  await db.signatures.add({ ...toStored(record), syncState, syncedAt })
  await db.strokes.add({ id: record.id, signature: record.signature })
  return record
}

function recordingApi() {
  const sent: PurgedRecord[] = []
  return {
    sent,
    api: {
      purgeJournal: async ({ records }: { records: PurgedRecord[] }) => {
        sent.push(...records)
        return records.length
      },
    },
  }
}

const PERSONAL = ['Łukasz', 'Nowak', '@example.eu', 'Wieliczka', 'Mayor', 'strokes']

describe('retention', () => {
  it('purges the personal data of signatures confirmed longer ago than the retention period, keeping numbers and counts', async () => {
    const db = freshDb()
    const old = await store(db, 1, 'synced', daysAgo(31))
    const duplicate = await store(db, 2, 'duplicate', daysAgo(45))
    const recent = await store(db, 3, 'synced', daysAgo(29))
    const pending = await store(db, 4, 'pending', null)
    const rejected = await store(db, 5, 'rejected', daysAgo(60))
    const { api, sent } = recordingApi()

    expect(await purgeConfirmed(db, api, { retentionDays: 30, now: NOW })).toBe(2)

    for (const record of [old, duplicate]) {
      const row = await db.signatures.get(record.id)
      expect(row).toMatchObject({
        certificateNo: record.certificateNo,
        day: record.day,
        capacity: 'organisation',
        organisationType: 'city',
        country: 'PL',
        language: 'en',
        consents: record.consents,
        firstName: '',
        lastName: '',
        email: null,
        city: null,
        role: null,
        organisationName: null,
        emailKey: null,
        orgKey: null,
        purgedAt: NOW.toISOString(),
      })
      expect(await db.strokes.get(record.id)).toBeUndefined()
    }
    for (const record of [recent, pending, rejected]) {
      expect(await db.signatures.get(record.id)).toMatchObject({ lastName: record.lastName })
      expect(await db.strokes.get(record.id)).toBeDefined()
    }
    expect(await db.signatures.count()).toBe(5)
    // The journal got the purged form, with nothing personal in it.
    expect(sent.map((record) => record.certificateNo).sort()).toEqual([
      old.certificateNo,
      duplicate.certificateNo,
    ])
    for (const trace of PERSONAL) expect(JSON.stringify(sent)).not.toContain(trace)
    expect(await db.audit.where('action').equals('purge').toArray()).toEqual([
      expect.objectContaining({ detail: expect.stringContaining('2 signature(s)') }),
    ])
    // Purging again finds nothing new.
    expect(await purgeConfirmed(db, api, { retentionDays: 30, now: NOW })).toBe(0)
  })

  it('keeps a paper form a paper form once purged: its source and reference are no personal data', async () => {
    const db = freshDb()
    const { signature: _drawn, ...paper } = sampleRecord(1, { source: 'paper', paperRef: 'P-7' })
    await db.signatures.add({ ...toStored(paper), syncState: 'synced', syncedAt: daysAgo(31) })
    const kiosk = await store(db, 2, 'synced', daysAgo(31))
    const { api, sent } = recordingApi()

    expect(await purgeConfirmed(db, api, { retentionDays: 30, now: NOW })).toBe(2)

    expect(await db.signatures.get(paper.id)).toMatchObject({
      source: 'paper',
      paperRef: 'P-7',
      lastName: '',
    })
    expect(sent.find((r) => r.id === paper.id)).toMatchObject({ source: 'paper', paperRef: 'P-7' })
    const purgedKiosk = sent.find((r) => r.id === kiosk.id)!
    expect('source' in purgedKiosk || 'paperRef' in purgedKiosk).toBe(false)
  })

  it('Purge now takes every confirmed signature; it waits while anything is unconfirmed', async () => {
    const db = freshDb()
    await store(db, 1, 'synced', daysAgo(1))
    await store(db, 2, 'pending', null)
    expect(await unconfirmedCount(db)).toBe(1)
    const { api } = recordingApi()
    expect(
      await purgeConfirmed(db, api, { retentionDays: 30, now: NOW, everyConfirmed: true }),
    ).toBe(1)
  })

  it('keeps nothing in IndexedDB purged while the journal still holds the data (journal first)', async () => {
    const db = freshDb()
    const record = await store(db, 1, 'synced', daysAgo(40))
    const failing = { purgeJournal: async () => Promise.reject(new Error('disk full')) }
    await expect(purgeConfirmed(db, failing, { retentionDays: 30, now: NOW })).rejects.toThrow(
      'disk full',
    )
    expect(await db.signatures.get(record.id)).toMatchObject({ lastName: record.lastName })
  })

  it('restores a purged signature from the journal as purged, and numbering continues after it', async () => {
    const source = freshDb()
    const record = await store(source, 7, 'synced', daysAgo(40))
    const { api, sent } = recordingApi()
    await purgeConfirmed(source, api, { retentionDays: 30, now: NOW })
    const lines: JournalEntry[] = sent.map((purged) => ({ type: 'purged', record: purged }))
    const journal = {
      appendJournal: async () => undefined,
      readJournal: async () => ({
        entries: lines,
        nextOffset: lines.length,
        done: true,
        badLines: [],
      }),
      getJournalStats: async () => ({
        signatures: 1,
        withdrawals: 0,
        audits: 0,
        badLines: 0,
        bytes: 0,
      }),
    }
    const wiped = freshDb()
    expect((await restoreFromJournal(wiped, journal, ctx)).restored).toBe(1)
    expect(await wiped.signatures.get(record.id)).toMatchObject({
      certificateNo: record.certificateNo,
      firstName: '',
      syncState: 'synced',
      purgedAt: NOW.toISOString(),
    })
    expect(await wiped.strokes.count()).toBe(0)
    expect((await wiped.counters.get('EWRC26-B01'))?.value).toBe(7)
  })
})
