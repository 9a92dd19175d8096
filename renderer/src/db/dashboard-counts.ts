/**
 * The staff dashboard's figures (per sync state, capacity, organisation type, country and
 * quarter hour), kept in the `dashboardCounts` table by a Dexie middleware in the SAME
 * transaction as every write of the `signatures` table: save, sync answer, withdrawal, purge,
 * restore, and any write added later. The dashboard reads a few dozen small rows instead of
 * counting 100,000 records again after each change.
 */
import { Dexie } from 'dexie'
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie'
import { countKeys, type Counted } from '@shared/dashboard-count-keys'

export const COUNTS_TABLE = 'dashboardCounts'
const SIGNATURES_TABLE = 'signatures'

/** One figure: `state:synced`, `country:DE`, `at:2026-12-01T14:15` (UTC quarter hour)… */
export interface CountRow {
  key: string
  value: number
}

/** Reads the signatures a mutation replaces or removes, before it runs. */
function previousValues(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
): PromiseLike<(Counted | undefined)[]> {
  switch (req.type) {
    case 'add':
      return Dexie.Promise.resolve([])
    case 'put': {
      const keys = req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v))
      return table.getMany({ trans: req.trans, keys })
    }
    case 'delete':
      return table.getMany({ trans: req.trans, keys: req.keys })
    case 'deleteRange':
      return table
        .query({
          trans: req.trans,
          values: true,
          query: { index: table.schema.primaryKey, range: req.range },
        })
        .then((found) => found.result as Counted[])
  }
}

function deltaOf(
  req: DBCoreMutateRequest,
  before: (Counted | undefined)[],
  res: DBCoreMutateResponse,
): Map<string, number> {
  const delta = new Map<string, number>()
  const bump = (record: Counted | undefined, by: number) => {
    if (!record) return
    for (const key of countKeys(record)) delta.set(key, (delta.get(key) ?? 0) + by)
  }
  const failed = (i: number) => res.failures[i] !== undefined
  if (req.type === 'deleteRange') {
    for (const record of before) bump(record, -1)
  } else {
    before.forEach((record, i) => {
      if (!failed(i)) bump(record, -1)
    })
  }
  if (req.type === 'add' || req.type === 'put') {
    req.values.forEach((record: Counted, i) => {
      if (!failed(i)) bump(record, 1)
    })
  }
  for (const [key, by] of delta) if (by === 0) delta.delete(key)
  return delta
}

function applyDelta(
  counts: DBCoreTable,
  trans: DBCoreTransaction,
  delta: Map<string, number>,
): PromiseLike<unknown> {
  if (delta.size === 0) return Dexie.Promise.resolve()
  const keys = [...delta.keys()]
  return counts.getMany({ trans, keys }).then((rows: (CountRow | undefined)[]) => {
    const values = keys.map((key, i) => ({ key, value: (rows[i]?.value ?? 0) + delta.get(key)! }))
    const gone = values.filter((row) => row.value === 0).map((row) => row.key)
    const kept = values.filter((row) => row.value !== 0)
    return Dexie.Promise.all([
      kept.length ? counts.mutate({ trans, type: 'put', values: kept }) : null,
      gone.length ? counts.mutate({ trans, type: 'delete', keys: gone }) : null,
    ])
  })
}

/**
 * Counter updates of one transaction, one after the other (each reads what the last wrote).
 * Dexie's own promises, not async functions: they keep Dexie's transaction zone, which the
 * middlewares below (hooks) read.
 */
const queues = new WeakMap<DBCoreTransaction, PromiseLike<unknown>>()

function inTurn<T>(trans: DBCoreTransaction, step: () => PromiseLike<T>): Promise<T> {
  const previous = queues.get(trans) ?? Dexie.Promise.resolve()
  const next = Dexie.Promise.resolve(previous).then(step)
  queues.set(
    trans,
    next.catch(() => undefined),
  )
  return next
}

function hasCountsStore(trans: DBCoreTransaction): boolean {
  // The native transaction: an upgrade to an earlier version runs before the table exists.
  const names = (trans as unknown as IDBTransaction).objectStoreNames
  return names !== undefined && names.contains(COUNTS_TABLE)
}

/**
 * Keeps `dashboardCounts` in step with `signatures`: every read-write transaction on the
 * signatures also covers the counts, and each mutation adds its difference there.
 */
export const dashboardCountsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'dashboardCounts',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' &&
          stores.includes(SIGNATURES_TABLE) &&
          !stores.includes(COUNTS_TABLE) &&
          down.schema.tables.some((t) => t.name === COUNTS_TABLE)
            ? [...stores, COUNTS_TABLE]
            : stores
        return down.transaction(scope, mode, options)
      },
      table(name) {
        const table = down.table(name)
        if (name !== SIGNATURES_TABLE) return table
        return {
          ...table,
          mutate(req) {
            if (!hasCountsStore(req.trans)) return table.mutate(req)
            return inTurn(req.trans, () =>
              previousValues(table, req).then((before) =>
                table
                  .mutate(req)
                  .then((res) =>
                    applyDelta(down.table(COUNTS_TABLE), req.trans, deltaOf(req, before, res)).then(
                      () => res,
                    ),
                  ),
              ),
            )
          },
        }
      },
    }
  },
}
