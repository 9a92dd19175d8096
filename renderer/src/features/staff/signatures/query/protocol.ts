import type {
  EngineStatus,
  Facets,
  RowRefs,
  SignatureQuery,
  WindowAnswer,
  WindowQuery,
} from './engine'
import type { SignatureRow } from '../signature-rows'

/**
 * What the page can ask the query engine, wherever it runs. The worker's messages carry exactly
 * these methods and their arguments (structured clone); the in-page engine is called directly.
 */
export interface SignatureQueryApi {
  query(q: WindowQuery): Promise<WindowAnswer>
  matchingIds(q: SignatureQuery): Promise<string[]>
  matchingRefs(q: SignatureQuery): Promise<RowRefs>
  refsByIds(ids: readonly string[]): Promise<RowRefs>
  countMatching(q: SignatureQuery, ids: readonly string[]): Promise<number>
  rowsByIds(ids: readonly string[]): Promise<SignatureRow[]>
  facets(): Promise<Facets>
}

export type QueryMethod = keyof SignatureQueryApi

export const QUERY_METHODS: readonly QueryMethod[] = [
  'query',
  'matchingIds',
  'matchingRefs',
  'refsByIds',
  'countMatching',
  'rowsByIds',
  'facets',
]

/** Runs one method of the engine with a call's arguments (in the worker, or on the page). */
export function callEngine(
  engine: SignatureQueryApi,
  method: QueryMethod,
  args: unknown[],
): Promise<unknown> {
  const fn = engine[method] as (...a: unknown[]) => Promise<unknown>
  return fn.apply(engine, args)
}

/** Page → worker: one call. */
export interface CallMessage {
  id: number
  method: QueryMethod
  args: unknown[]
}

/** Worker → page: the answer to a call, the engine's status, or that it is ready. */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'status'; status: EngineStatus }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; message: string }
