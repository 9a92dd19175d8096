/**
 * The bench's code that runs inside Chromium, on a page of the web host's origin (IndexedDB is
 * per origin). `bundle.ts` bundles it with the renderer's own modules (KioskDB, saveSignature,
 * flushJournalQueue, the host API client, the sync engine) and hands those in as `PageLib`, so
 * this file knows them only by the small interface below. Installed as `window.kioskBench`.
 */
import type { Dexie, Table } from 'dexie'
import type { SignatureRecord } from '../../electron/shared/signature'
import { benchSignatures } from '../lib/signatories'

/** A stored (light) signature row: the record without strokes, plus bookkeeping. */
export type StoredRow = Omit<SignatureRecord, 'signature'> & Record<string, unknown>

export interface BenchDb extends Dexie {
  signatures: Table<StoredRow, string>
  strokes: Table<{ id: string; signature: SignatureRecord['signature'] }, string>
  counters: Table<{ key: string; value: number }, string>
  journalQueue: Table<{ id: string }, string>
}

export type SignatureDraft = Omit<
  SignatureRecord,
  'certificateNo' | 'kioskId' | 'eventCode' | 'createdAt' | 'day'
>

export interface KioskContext {
  eventCode: string
  kioskId: string
  timeZone: string
}

/** The renderer's modules, as the bench uses them. */
export interface PageLib {
  /** `new KioskDB(name)`: the app's schema with all its versions. */
  openDb(name: string): BenchDb
  saveSignature(
    db: BenchDb,
    draft: SignatureDraft,
    ctx: KioskContext,
  ): Promise<{ status: 'saved' | 'duplicate' }>
  /** The journal write of a save: the renderer's flush through the host API. */
  flushJournal(db: BenchDb): Promise<number>
  toStored(record: SignatureRecord): StoredRow
  /** One pass of a new SyncEngine over this database (what the app runs in the background). */
  syncPass(db: BenchDb): Promise<{ sent: number; ended: string }>
}

export interface SeedOptions {
  count: number
  seed: number
  tag: string
  kioskId?: string
  firstDay?: string
  days?: number
}

export interface SaveBenchOptions {
  warmup: number
  runs: number
  seed: number
  ctx: KioskContext
}

export interface SaveBenchResult {
  /** saveSignature (transaction committed) + journal flush (line fsynced by the host), per run. */
  oursMs: number[]
  /** The part until the IndexedDB transaction committed. */
  commitMs: number[]
  /** One Dexie put of the same record into the same table of the same database, per run. */
  floorMs: number[]
  existingBefore: number
}

export interface KioskBench {
  /** The renderer's modules, for experiments from the page's console or a profiling script. */
  lib: PageLib
  seed(
    dbName: string,
    options: SeedOptions,
  ): Promise<{ count: number; ms: number; generateMs: number }>
  count(dbName: string): Promise<number>
  /** The floor of the staff table's load: a bare Dexie toArray of every signature row. */
  readAll(dbName: string): Promise<{ ms: number; rows: number }>
  saveBench(dbName: string, options: SaveBenchOptions): Promise<SaveBenchResult>
  syncBench(
    dbName: string,
    options: SeedOptions,
  ): Promise<{
    ms: number
    sent: number
    ended: string
    synced: number
    seedMs: number
    /** The engine's last recorded problem, when the pass did not send everything. */
    problem: unknown
  }>
  /** One sync pass over a database seeded before (another page may be showing it). */
  syncOnly(dbName: string): Promise<{
    ms: number
    sent: number
    ended: string
    synced: number
    problem: unknown
  }>
  deleteDb(dbName: string): Promise<void>
}

declare global {
  interface Window {
    kioskBench?: KioskBench
  }
}

const SEED_CHUNK = 5_000

export function installBench(lib: PageLib): void {
  const open = async (name: string) => {
    const db = lib.openDb(name)
    await db.open()
    return db
  }

  /** Signatures as visitors would have left them: light rows, strokes, the certificate counter. */
  async function seedInto(db: BenchDb, options: SeedOptions) {
    const kioskId = options.kioskId ?? 'B01'
    const generating = performance.now()
    const records = benchSignatures({
      count: options.count,
      seed: options.seed,
      tag: options.tag,
      kioskId,
      firstDay: options.firstDay,
      days: options.days,
    })
    const generateMs = performance.now() - generating
    const started = performance.now()
    for (let i = 0; i < records.length; i += SEED_CHUNK) {
      const chunk = records.slice(i, i + SEED_CHUNK)
      await db.transaction('rw', [db.signatures, db.strokes], async () => {
        await db.signatures.bulkAdd(chunk.map(lib.toStored))
        await db.strokes.bulkAdd(chunk.map(({ id, signature }) => ({ id, signature })))
      })
    }
    const key = `EWRC26-${kioskId}`
    const previous = (await db.counters.get(key))?.value ?? 0
    await db.counters.put({ key, value: Math.max(previous, records.length) })
    return { count: records.length, ms: performance.now() - started, generateMs }
  }

  window.kioskBench = {
    lib,
    async seed(dbName, options) {
      const db = await open(dbName)
      try {
        return await seedInto(db, options)
      } finally {
        db.close()
      }
    },

    async count(dbName) {
      const db = await open(dbName)
      try {
        return await db.signatures.count()
      } finally {
        db.close()
      }
    },

    async readAll(dbName) {
      const db = await open(dbName)
      try {
        const start = performance.now()
        const rows = await db.signatures.toArray()
        return { ms: performance.now() - start, rows: rows.length }
      } finally {
        db.close()
      }
    },

    async saveBench(dbName, options) {
      const db = await open(dbName)
      const existingBefore = await db.signatures.count()
      const total = options.warmup + options.runs
      // Different tags: a floor row must never make one of ours a duplicate.
      const drafts = benchSignatures({ count: total, seed: options.seed, tag: 'save' })
      const floorRecords = benchSignatures({
        count: total,
        seed: options.seed + 1,
        tag: 'floor',
        firstSeq: 900_000,
      })
      const oursMs: number[] = []
      const commitMs: number[] = []
      const floorMs: number[] = []
      try {
        for (let i = 0; i < total; i++) {
          const {
            certificateNo: _c,
            kioskId: _k,
            eventCode: _e,
            createdAt: _t,
            day: _d,
            ...draft
          } = drafts[i]!
          let start = performance.now()
          const outcome = await lib.saveSignature(db, draft, options.ctx)
          const committed = performance.now() - start
          await lib.flushJournal(db)
          const ours = performance.now() - start
          if (outcome.status !== 'saved') throw new Error(`save ${i} answered ${outcome.status}`)

          const floor = floorRecords[i]!
          const row = { ...lib.toStored(floor), signature: floor.signature }
          start = performance.now()
          await db.signatures.put(row)
          const bare = performance.now() - start
          if (i >= options.warmup) {
            oursMs.push(ours)
            commitMs.push(committed)
            floorMs.push(bare)
          }
        }
      } finally {
        // The floor's rows go; the signatures saved stay, as on a kiosk: the journal has them.
        await db.signatures.bulkDelete(floorRecords.map((r) => r.id))
        db.close()
      }
      return { oursMs, commitMs, floorMs, existingBefore }
    },

    async syncBench(dbName, options) {
      const db = await open(dbName)
      try {
        const seeded = await seedInto(db, options)
        const start = performance.now()
        const report = await lib.syncPass(db)
        const ms = performance.now() - start
        const synced = await db.signatures.where('syncState').equals('synced').count()
        const problem = (await db.table('meta').get('sync.lastError')) ?? null
        return { ms, sent: report.sent, ended: report.ended, synced, seedMs: seeded.ms, problem }
      } finally {
        db.close()
      }
    },

    async syncOnly(dbName) {
      const db = await open(dbName)
      try {
        const start = performance.now()
        const report = await lib.syncPass(db)
        const ms = performance.now() - start
        const synced = await db.signatures.where('syncState').equals('synced').count()
        const problem = (await db.table('meta').get('sync.lastError')) ?? null
        return { ms, sent: report.sent, ended: report.ended, synced, problem }
      } finally {
        db.close()
      }
    },

    async deleteDb(dbName) {
      const db = lib.openDb(dbName)
      await db.delete()
    },
  }
}
