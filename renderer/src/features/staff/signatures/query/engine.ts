import { Dexie, RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie'
import type { KioskDB, StoredSignature } from '../../../../db/schema'
import { columnId, columnValue, filterRows, sortRows } from '../row-order'
import { matchesWords, searchWords, toRow, type SignatureRow } from '../signature-rows'
import { FILTER_INDEXES, ROW_COLUMN_LIST, type FilterId } from './row-columns'
import { SerialQueue } from '@shared/serial-queue'

/**
 * The signatures table's row store and queries, as plain TypeScript: it runs in a Web Worker
 * (signatures.worker.ts) or, where a module worker cannot start, on the page (client.ts). One
 * engine, two transports.
 *
 * It keeps every signature as a light row (no strokes) in memory, loaded in chunks by primary key
 * so that a query is never stuck behind one long read, and keeps them current from Dexie's
 * `storagemutated` event (fired for commits in this context and, through a BroadcastChannel, in
 * every other one: the page's writes reach the worker): only the changed rows are read again.
 * Until every row is loaded, the table's first view (newest or oldest first, no search, no
 * filter) is answered from the `createdAt` index, and a query with a column filter from that
 * column's index (the matching records only); the others wait for the load.
 */

export interface SignatureQuery {
  /** Words to find (see searchWords / matchesWords). */
  search: string
  /** Column filters: the column's value must equal the filter's; empty or missing lets all in. */
  filters: Partial<Record<FilterId, string>>
  /** As TanStack's SortingState: each sorting in turn, ties in primary-key order. */
  sorting: { id: string; desc: boolean }[]
}

export interface WindowQuery extends SignatureQuery {
  offset: number
  limit: number
}

export interface WindowAnswer {
  /** Every signature; null while the rows load (the first view, from an index, has no count). */
  total: number | null
  /** Those matching the search and filters; null while the rows load. */
  matching: number | null
  /** Where `rows` starts among the matching rows, in the query's order. */
  offset: number
  rows: SignatureRow[]
  /** The engine's data version the answer was computed from. */
  version: number
}

export interface Facets {
  /** Days with signatures, newest first. */
  days: string[]
  /** Countries with signatures (ISO codes), in code order. */
  countries: string[]
}

export interface EngineStatus {
  /** Every row is in memory (search, sort and filters answer from it). */
  loaded: boolean
  /**
   * The first view's answers carry the counts: from the table's own count while the rows load
   * (asked for at start, so the count comes with the first rows), from memory once loaded.
   */
  counted: boolean
  /** Bumped whenever the rows change: answers of an older version are out of date. */
  version: number
}

/**
 * Selected rows as the bulk actions need them: ids and certificate numbers, as two lists (100,000
 * short strings cross to the page in a fraction of the time 100,000 row objects take).
 */
export interface RowRefs {
  ids: string[]
  certificateNos: string[]
}

/** What a change notice says about the signatures table. */
type Change =
  | { kind: 'none' }
  | { kind: 'keys'; ids: string[] }
  /** Unknown keys; a batch of the sync outbox was written in the same transaction. */
  | { kind: 'unknown'; batchIds: string[] }

const CHUNK = 5_000

export class SignatureQueryEngine {
  private byId = new Map<string, SignatureRow>()
  /** Every row in primary-key order: the data order sorting ties keep (as a full read gives). */
  private base: SignatureRow[] = []
  private loaded = false
  private version = 0
  private closed = false
  /** Changes seen and not applied yet; `all` when the changed keys are unknown. */
  private pendingIds = new Set<string>()
  private pendingBatchIds = new Set<string>()
  private pendingAll = false
  private readonly work = new SerialQueue()
  private loadWaiters: { resolve: () => void; reject: (error: unknown) => void }[] = []
  /** Why the rows could not be loaded (queries then fail instead of waiting for ever). */
  private loadError: unknown = null
  /** After a change could not be read, the next try waits this long (doubling, at most 30 s). */
  private retryDelayMs = 0
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  /** Sorted orders of the current version, by sorting: asc and desc of a column, the first view. */
  private sortedCache = new Map<string, readonly SignatureRow[]>()
  private sortedVersion = -1
  /** The table's count while the rows load (null until known, or after a change). */
  private indexCount: number | null = null
  private countAsked = 0
  private matchCache: { key: string; version: number; rows: readonly SignatureRow[] } | null = null

  constructor(
    private readonly db: KioskDB,
    private readonly onStatus: (status: EngineStatus) => void = () => undefined,
    /** First wait before reading a change again that could not be read. */
    private readonly retryBaseMs = 1_000,
  ) {}

  /** Starts listening for changes, then loads every row (in the background). */
  start(): void {
    Dexie.on('storagemutated', this.onMutated)
    this.countByIndex()
    this.schedule(() => this.loadAll())
  }

  close(): void {
    this.closed = true
    clearTimeout(this.retryTimer)
    Dexie.on('storagemutated').unsubscribe(this.onMutated)
  }

  status(): EngineStatus {
    return {
      loaded: this.loaded,
      counted: this.loaded || this.indexCount !== null,
      version: this.version,
    }
  }

  /** Resolves once every change seen so far is applied (and the load is done). */
  settled(): Promise<void> {
    return this.work.idle()
  }

  /** The rows of one window of the matching rows, with the counts. */
  async query(q: WindowQuery): Promise<WindowAnswer> {
    if (!this.loaded && isFirstView(q)) {
      const count = this.indexCount
      const answer = await firstViewByIndex(this.db, q)
      // Neither search nor filter: every signature matches.
      return count === null
        ? { ...answer, version: this.version }
        : { ...answer, total: count, matching: count, version: this.version }
    }
    if (!this.loaded) {
      const narrowed = await this.queryByFilterIndex(q)
      if (narrowed) return narrowed
    }
    await this.whenLoaded()
    return windowOf(this.matching(q), q, this.base.length, this.version)
  }

  /** The ids of every matching row, in the query's order (select all matching). */
  async matchingIds(q: SignatureQuery): Promise<string[]> {
    await this.whenLoaded()
    return this.matching(q).map((row) => row.id)
  }

  /** Ids and certificate numbers of every matching row, in the query's order (select all). */
  async matchingRefs(q: SignatureQuery): Promise<RowRefs> {
    await this.whenLoaded()
    return refsOf(this.matching(q))
  }

  /** Ids and certificate numbers of the rows with these ids that exist, in the order asked. */
  async refsByIds(ids: readonly string[]): Promise<RowRefs> {
    await this.whenLoaded()
    return refsOf(ids.flatMap((id) => this.byId.get(id) ?? []))
  }

  /** How many of `ids` are among the matching rows. */
  async countMatching(q: SignatureQuery, ids: readonly string[]): Promise<number> {
    await this.whenLoaded()
    const rows = [...new Set(ids)].flatMap((id) => this.byId.get(id) ?? [])
    return this.filter(rows, q).length
  }

  /** The rows with these ids that exist, in the order asked. */
  async rowsByIds(ids: readonly string[]): Promise<SignatureRow[]> {
    await this.whenLoaded()
    return ids.flatMap((id) => this.byId.get(id) ?? [])
  }

  async facets(): Promise<Facets> {
    await this.whenLoaded()
    const days = new Set<string>()
    const countries = new Set<string>()
    for (const row of this.base) {
      days.add(row.day)
      countries.add(row.country)
    }
    return { days: [...days].sort().reverse(), countries: [...countries].sort() }
  }

  // --- queries on the rows in memory ---

  private matching(q: SignatureQuery): readonly SignatureRow[] {
    const key = JSON.stringify([q.search, q.filters, q.sorting])
    if (this.matchCache?.key === key && this.matchCache.version === this.version) {
      return this.matchCache.rows
    }
    const rows = this.filter(this.sorted(q.sorting), q)
    this.matchCache = { key, version: this.version, rows }
    return rows
  }

  /** The rows that pass the query's filters and have every word of its search, in their order. */
  private filter(rows: readonly SignatureRow[], q: SignatureQuery): readonly SignatureRow[] {
    const words = searchWords(q.search)
    return filterRows(
      rows,
      ROW_COLUMN_LIST,
      Object.entries(q.filters).map(([id, value]) => ({ id, value })),
      words.length ? (row) => matchesWords(row, words) : null,
    )
  }

  /**
   * The rows in the sorting's order, kept for the current version. A column sorted one way gives
   * the other way without sorting again: staff toggle a header's direction.
   */
  private sorted(sorting: SignatureQuery['sorting']): readonly SignatureRow[] {
    if (this.sortedVersion !== this.version) {
      this.sortedCache.clear()
      this.sortedVersion = this.version
    }
    const key = JSON.stringify(sorting)
    const known = this.sortedCache.get(key)
    if (known) return known
    const [only] = sorting
    const opposite =
      sorting.length === 1 && only
        ? this.sortedCache.get(JSON.stringify([{ id: only.id, desc: !only.desc }]))
        : undefined
    const read = only ? sortKeyOf(only.id) : null
    const rows =
      opposite && read
        ? reverseKeepingTies(opposite, read)
        : sortRows(this.base, ROW_COLUMN_LIST, sorting)
    // The first view (newest first) and the last two sortings asked for.
    for (const old of this.sortedCache.keys()) {
      if (this.sortedCache.size < 3) break
      if (old !== FIRST_VIEW_KEY) this.sortedCache.delete(old)
    }
    this.sortedCache.set(key, rows)
    return rows
  }

  /**
   * Before the rows are loaded: the records of one filter's index value (a day, a country…), then
   * the other filters, the search and the sorting on those. Exact, with the counts. Null when the
   * query has no column filter.
   */
  private async queryByFilterIndex(q: WindowQuery): Promise<WindowAnswer | null> {
    const id = (Object.keys(FILTER_INDEXES) as FilterId[]).find((key) => q.filters[key])
    if (!id) return null
    const version = this.version
    const [total, records] = await this.db.transaction('r', this.db.signatures, () =>
      Promise.all([
        this.db.signatures.count(),
        this.db.signatures.where(FILTER_INDEXES[id]).equals(q.filters[id]!).toArray(),
      ]),
    )
    // One index value's records come in primary-key order: the data order sorting ties keep.
    const matching = this.filter(sortRows(records.map(toRow), ROW_COLUMN_LIST, q.sorting), q)
    return windowOf(matching, q, total, version)
  }

  private whenLoaded(): Promise<void> {
    if (this.loaded) return Promise.resolve()
    if (this.loadError) return Promise.reject(this.loadError)
    return new Promise((resolve, reject) => this.loadWaiters.push({ resolve, reject }))
  }

  // --- loading and changes ---

  private schedule(task: () => Promise<void>): void {
    void this.work.run(() =>
      task().catch((error: unknown) => {
        console.error('signatures table: could not read the signatures', error)
        // Changes that could not be read: everything is read again, soon, even if nothing else
        // changes (a quiet kiosk would otherwise keep showing the old rows).
        if (this.loaded) return this.retryLater()
        this.loadError = error
        for (const waiter of this.loadWaiters.splice(0)) waiter.reject(error)
      }),
    )
  }

  private retryLater(): void {
    this.pendingAll = true
    this.retryDelayMs = Math.min(30_000, this.retryDelayMs * 2 || this.retryBaseMs)
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => {
      if (!this.closed) this.schedule(() => this.applyPending())
    }, this.retryDelayMs)
  }

  /**
   * Every row, a chunk at a time by primary key (changes seen meanwhile are applied afterwards).
   * A reload builds new structures and swaps them in: queries keep answering from the old ones.
   */
  private async loadAll(): Promise<void> {
    const byId = new Map<string, SignatureRow>()
    const rows: SignatureRow[] = []
    let last: string | null = null
    for (;;) {
      if (this.closed) return
      const after = last
      const chunk: StoredSignature[] = await (after === null
        ? this.db.signatures.limit(CHUNK).toArray()
        : this.db.signatures.where(':id').above(after).limit(CHUNK).toArray())
      for (const record of chunk) {
        const row = toRow(record)
        rows.push(row)
        byId.set(row.id, row)
      }
      if (chunk.length < CHUNK) break
      last = chunk.at(-1)!.id
    }
    this.byId = byId
    this.base = rows
    this.loaded = true
    this.loadError = null
    this.version += 1
    for (const waiter of this.loadWaiters.splice(0)) waiter.resolve()
    this.onStatus(this.status())
  }

  /** Counts the table (its primary key), for the first view's answers while the rows load. */
  private countByIndex(): void {
    const asked = ++this.countAsked
    this.db.signatures.count().then(
      (count) => {
        if (asked !== this.countAsked || this.loaded || this.closed) return
        this.indexCount = count
        this.onStatus(this.status())
      },
      (error: unknown) => console.warn('signatures table: could not count the signatures', error),
    )
  }

  private readonly onMutated = (parts: ObservabilitySet): void => {
    const change = signaturesChange(parts, this.db.name)
    if (change.kind === 'none') return
    if (!this.loaded) {
      // The count may be out of date: none until counted again.
      this.indexCount = null
      this.countByIndex()
    }
    if (change.kind === 'keys') for (const id of change.ids) this.pendingIds.add(id)
    else if (change.batchIds.length) for (const id of change.batchIds) this.pendingBatchIds.add(id)
    else this.pendingAll = true
    this.schedule(() => this.applyPending())
  }

  private async applyPending(): Promise<void> {
    if (this.closed) return
    const batchIds = [...this.pendingBatchIds]
    this.pendingBatchIds.clear()
    if (batchIds.length && !this.pendingAll) {
      // The sync outbox writes a batch's answer (≥ 50 records, which Dexie reports as "anything
      // may have changed") in the transaction that marks that batch done, and writes no other
      // signature there (applyAnswer in features/sync/outbox.ts): its records are the change.
      const batches = await this.db.batches.bulkGet(batchIds)
      if (batches.every((batch) => batch?.state === 'done')) {
        for (const batch of batches) for (const id of batch!.recordIds) this.pendingIds.add(id)
      } else {
        this.pendingAll = true
      }
    }
    if (this.pendingAll) {
      this.pendingAll = false
      this.pendingIds.clear()
      await this.loadAll()
      this.retryDelayMs = 0
      return
    }
    const ids = [...this.pendingIds]
    this.pendingIds.clear()
    if (ids.length === 0) return
    const records = await this.db.signatures.bulkGet(ids)
    ids.forEach((id, i) => {
      const record = records[i]
      if (record) this.upsert(toRow(record))
      else this.remove(id)
    })
    this.version += 1
    this.retryDelayMs = 0
    this.onStatus(this.status())
  }

  private upsert(row: SignatureRow): void {
    const known = this.byId.has(row.id)
    this.byId.set(row.id, row)
    const at = this.position(row.id)
    if (known && this.base[at]?.id === row.id) this.base[at] = row
    else this.base.splice(at, 0, row)
  }

  private remove(id: string): void {
    if (!this.byId.delete(id)) return
    const at = this.position(id)
    if (this.base[at]?.id === id) this.base.splice(at, 1)
  }

  /** Where `id` is or would be in `base` (primary-key order). */
  private position(id: string): number {
    let low = 0
    let high = this.base.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.base[mid]!.id < id) low = mid + 1
      else high = mid
    }
    return low
  }
}

const FIRST_VIEW_KEY = JSON.stringify([{ id: 'time', desc: true }])

/** How a single-column sorting reads its key: the values sortRows compares (see row-order.ts). */
function sortKeyOf(id: string): ((row: SignatureRow) => unknown) | null {
  const column = ROW_COLUMN_LIST.find((c) => columnId(c) === id)
  const read = column && column.enableSorting !== false ? columnValue(column) : null
  if (!column || !read) return null
  if (column.sortingFn === 'basic') return read
  return (row) => String(read(row) ?? '').toLowerCase()
}

/**
 * The other direction of a stable sort: the groups of equal keys in reverse order, each group in
 * its own (data) order, as sorting again the other way would give. O(n), no comparisons.
 */
export function reverseKeepingTies<T>(sorted: readonly T[], key: (row: T) => unknown): T[] {
  const out: T[] = []
  let end = sorted.length
  while (end > 0) {
    const value = key(sorted[end - 1]!)
    let start = end - 1
    while (start > 0 && key(sorted[start - 1]!) === value) start -= 1
    for (let i = start; i < end; i++) out.push(sorted[i]!)
    end = start
  }
  return out
}

function refsOf(rows: readonly SignatureRow[]): RowRefs {
  const ids: string[] = new Array<string>(rows.length)
  const certificateNos: string[] = new Array<string>(rows.length)
  rows.forEach((row, i) => {
    ids[i] = row.id
    certificateNos[i] = row.certificateNo
  })
  return { ids, certificateNos }
}

/** The query's window of the matching rows, with the counts. */
function windowOf(
  matching: readonly SignatureRow[],
  q: WindowQuery,
  total: number,
  version: number,
): WindowAnswer {
  const offset = Math.max(0, Math.min(q.offset, matching.length))
  const rows = matching.slice(offset, offset + Math.max(0, q.limit))
  return { total, matching: matching.length, offset, rows, version }
}

/** The table's first view: newest or oldest first (or unsorted), no search, no filter. */
export function isFirstView(q: SignatureQuery): boolean {
  return (
    searchWords(q.search).length === 0 &&
    Object.values(q.filters).every((value) => !value) &&
    (q.sorting.length === 0 || (q.sorting.length === 1 && q.sorting[0]!.id === 'time'))
  )
}

/**
 * A window of the first view straight from the `createdAt` index (a few hundred records, no full
 * read), for before the rows are loaded. Without counts: counting 100,000 records in IndexedDB
 * takes longer than reading the page.
 */
export async function firstViewByIndex(db: KioskDB, q: WindowQuery): Promise<WindowAnswer> {
  const [sort] = q.sorting
  const collection = sort
    ? sort.desc
      ? db.signatures.orderBy('createdAt').reverse()
      : db.signatures.orderBy('createdAt')
    : db.signatures.toCollection()
  const offset = Math.max(0, q.offset)
  const records = await collection.offset(offset).limit(Math.max(0, q.limit)).toArray()
  return { total: null, matching: null, offset, rows: records.map(toRow), version: 0 }
}

/**
 * The signatures a change notice touches: their ids, none, or unknown. Reads Dexie's
 * `storagemutated` parts (`idb://<db>/<table>/` → the changed primary keys as an interval tree,
 * as dexie.d.ts documents them) through Dexie's public `RangeSet`. Two things are Dexie's
 * behaviour rather than its documented API: the `all` part (everything may have changed) and
 * that a write of 50 or more records is reported as a range; dexie is pinned exactly in
 * package.json and `dexie-changes.test.ts` fails when either changes.
 */
export function signaturesChange(parts: ObservabilitySet, dbName: string): Change {
  if ('all' in parts) return { kind: 'unknown', batchIds: [] }
  const keys = parts[`idb://${dbName}/signatures/`]
  if (!keys || !('from' in keys)) return { kind: 'none' }
  const ids = singleKeys(keys)
  if (ids) return { kind: 'keys', ids }
  const batches = parts[`idb://${dbName}/batches/`]
  const batchIds = batches && 'from' in batches ? singleKeys(batches) : null
  return { kind: 'unknown', batchIds: batchIds ?? [] }
}

/** The keys of an interval tree made of single string keys only, else null (a range). */
function singleKeys(tree: IntervalTree): string[] | null {
  const keys: string[] = []
  for (const range of RangeSet(tree)) {
    if (typeof range.from !== 'string' || range.from !== range.to) return null
    keys.push(range.from)
  }
  return keys
}
