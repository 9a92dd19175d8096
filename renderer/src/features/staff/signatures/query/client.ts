import type { KioskDB } from '../../../../db/schema'
import {
  SignatureQueryEngine,
  firstViewByIndex,
  isFirstView,
  type EngineStatus,
  type WindowAnswer,
} from './engine'
import {
  callEngine,
  type CallMessage,
  type QueryMethod,
  type SignatureQueryApi,
  type WorkerMessage,
} from './protocol'

/** Where the engine runs: in its module worker, or on the page when no worker could start. */
export type Transport = 'worker' | 'thread'

export interface QueryStatus extends EngineStatus {
  transport: Transport
}

/** The small part of a Worker the client uses (a fake one in tests). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>

/** The engine in its module worker; Vite bundles the worker file and rewrites this URL. */
export function startQueryWorker(): WorkerLike {
  return new Worker(new URL('./signatures.worker.ts', import.meta.url), {
    type: 'module',
    name: 'signatures-query',
  })
}

interface Call {
  method: QueryMethod
  args: unknown[]
  resolve: (value: never) => void
  reject: (error: Error) => void
}

/** How long a worker may take to say it runs before the engine starts on the page instead. */
const READY_TIMEOUT_MS = 10_000

/**
 * The page's side of the signatures table's queries: the engine in a module Web Worker, or the
 * same engine on the page when the worker cannot start or fails (no module workers, a refused
 * script). Calls in flight when the worker fails are asked again of the page's engine.
 */
export class SignatureQueryClient implements SignatureQueryApi {
  private worker: WorkerLike | null = null
  private engine: SignatureQueryEngine | null = null
  private readonly calls = new Map<number, Call>()
  private nextId = 1
  /** The worker has started (said "ready"). */
  private ready = false
  private readyTimer: ReturnType<typeof setTimeout> | undefined
  private current: QueryStatus
  private readonly listeners = new Set<(status: QueryStatus) => void>()
  private closed = false
  /**
   * The table's count, read on the page at once (the worker starts, then loads, meanwhile): the
   * first view's answers carry it until the rows are loaded, when the engine's own count takes
   * over. A signature saved in those seconds is counted once the rows are loaded.
   */
  private pageCount: number | null = null

  constructor(
    private readonly db: KioskDB,
    createWorker: (() => WorkerLike) | null = startQueryWorker,
  ) {
    this.current = { transport: 'worker', loaded: false, counted: false, version: 0 }
    void db.signatures.count().then(
      (count) => {
        if (this.closed || this.current.loaded) return
        this.pageCount = count
        if (!this.current.counted) this.setStatus({ ...this.current, counted: true })
      },
      () => undefined,
    )
    if (!createWorker) {
      this.useThread('no worker asked for')
      return
    }
    try {
      const worker = createWorker()
      this.worker = worker
      worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) =>
        this.onMessage(event.data),
      )
      worker.addEventListener('error', (event: ErrorEvent) => {
        event.preventDefault?.()
        this.useThread(`the worker failed: ${event.message || 'could not start'}`)
      })
      worker.addEventListener('messageerror', () => this.useThread('a message could not be read'))
      this.readyTimer = setTimeout(
        () => this.useThread('the worker did not start in time'),
        READY_TIMEOUT_MS,
      )
    } catch (error) {
      this.useThread(`no module worker: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  status(): QueryStatus {
    return this.current
  }

  subscribe(listener: (status: QueryStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.closed = true
    clearTimeout(this.readyTimer)
    this.worker?.terminate()
    this.worker = null
    this.engine?.close()
    this.listeners.clear()
    for (const call of this.calls.values()) call.reject(new Error('closed'))
    this.calls.clear()
  }

  // Until the worker runs, the first view's rows come from the page's own connection (one page
  // of the createdAt index): starting the worker would otherwise hold back the first rows.
  query: SignatureQueryApi['query'] = async (q) => {
    const answer = await (!this.ready && !this.engine && !this.closed && isFirstView(q)
      ? firstViewByIndex(this.db, q)
      : this.call<WindowAnswer>('query', [q]))
    const count = this.pageCount
    return answer.total === null && count !== null && !this.current.loaded && isFirstView(q)
      ? { ...answer, total: count, matching: count }
      : answer
  }
  matchingIds: SignatureQueryApi['matchingIds'] = (q) => this.call('matchingIds', [q])
  matchingRefs: SignatureQueryApi['matchingRefs'] = (q) => this.call('matchingRefs', [q])
  refsByIds: SignatureQueryApi['refsByIds'] = (ids) => this.call('refsByIds', [ids])
  countMatching: SignatureQueryApi['countMatching'] = (q, ids) =>
    this.call('countMatching', [q, ids])
  rowsByIds: SignatureQueryApi['rowsByIds'] = (ids) => this.call('rowsByIds', [ids])
  facets: SignatureQueryApi['facets'] = () => this.call('facets', [])

  private call<T>(method: QueryMethod, args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new Error('closed'))
    if (this.engine) return callEngine(this.engine, method, args) as Promise<T>
    return new Promise<T>((resolve, reject) => {
      const id = this.nextId++
      this.calls.set(id, { method, args, resolve: resolve as (value: never) => void, reject })
      // A worker queues messages until its module has run.
      this.worker!.postMessage({ id, method, args } satisfies CallMessage)
    })
  }

  private onMessage(message: WorkerMessage): void {
    if (this.engine) return
    if (message.kind === 'ready') {
      this.ready = true
      clearTimeout(this.readyTimer)
    } else if (message.kind === 'status') {
      this.setStatus({ ...message.status, transport: 'worker' })
    } else {
      const call = this.calls.get(message.id)
      if (!call) return
      this.calls.delete(message.id)
      if (message.kind === 'result') call.resolve(message.value as never)
      else call.reject(new Error(message.message))
    }
  }

  /** Runs the engine on the page from now on; calls still waiting on the worker go to it. */
  private useThread(reason: string): void {
    if (this.engine || this.closed) return
    if (this.worker) console.warn(`signatures table: queries run on the page (${reason})`)
    clearTimeout(this.readyTimer)
    this.worker?.terminate()
    this.worker = null
    const engine = new SignatureQueryEngine(this.db, (status) =>
      this.setStatus({ ...status, transport: 'thread' }),
    )
    this.engine = engine
    this.setStatus({ ...engine.status(), transport: 'thread' })
    engine.start()
    const waiting = [...this.calls.values()]
    this.calls.clear()
    for (const call of waiting) {
      callEngine(engine, call.method, call.args).then(
        call.resolve as (v: unknown) => void,
        call.reject,
      )
    }
  }

  private setStatus(status: QueryStatus): void {
    // The engine's status says nothing of the page's count: keep saying what the page knows.
    this.current = { ...status, counted: status.counted || this.pageCount !== null }
    for (const listener of this.listeners) listener(this.current)
  }
}
