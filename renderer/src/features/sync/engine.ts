/**
 * The sync engine: sends the outbox to the central register through the host API, one batch at a
 * time, only while the register answers its health check, retrying with backoff and never
 * sending a batch under a new id. All lasting state is in IndexedDB (outbox.ts); what is kept
 * here in memory is only what the window shows while it runs.
 */
import type { KioskApi } from '@shared/api'
import { ApiError } from '@shared/api-error'
import type { BatchRequestInput } from '@shared/register-protocol'
import type { RegisterHealth, SendBatchOutcome } from '@shared/sync'
import type { KioskDB } from '../../db/schema'
import { DEFAULT_TUNING, backoffDelay, type SyncTuning } from './backoff'
import {
  applyAnswer,
  blocksEverything,
  nextBatch,
  recordFailure,
  recordProblem,
  releaseStopped,
  splitFailing,
  type BatchLimits,
} from './outbox'

export type SyncApi = Pick<KioskApi, 'checkRegister' | 'sendBatch' | 'getAppInfo'>

/** Whether the register can be reached, as far as this window knows. */
export type Connection = 'unknown' | 'online' | 'offline' | 'not-configured'

/** What the engine is doing now; persisted facts (counts, last success, last error) are in the DB. */
export interface EngineState {
  connection: Connection
  /** Why the register is offline or not configured, in words. */
  connectionReason: string | null
  /** A batch is on its way to the register from this window. */
  sending: boolean
  /** When the engine will look again (epoch ms), or null when not scheduled. */
  nextRunAt: number | null
}

/**
 * Runs `fn` while holding the one sync lock of this kiosk, or returns `{ ran: false }` at once
 * when another window holds it.
 */
export type LockRunner = <T>(
  fn: () => Promise<T>,
) => Promise<{ ran: true; value: T } | { ran: false }>

const LOCK_NAME = 'kiosk-sync'

/**
 * The Web Lock `kiosk-sync`, shared by every tab and window of this origin: two windows never
 * upload at the same time (each would otherwise build its own batches from the same records).
 * Where Web Locks are missing, a lock for this window only.
 */
export const webLock: LockRunner = async (fn) => {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
  if (!locks) return localLock(fn)
  return locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) =>
    lock ? { ran: true as const, value: await fn() } : { ran: false as const },
  )
}

let localHeld = false
const localLock: LockRunner = async (fn) => {
  if (localHeld) return { ran: false }
  localHeld = true
  try {
    return { ran: true, value: await fn() }
  } finally {
    localHeld = false
  }
}

export interface SyncEngineOptions {
  db: KioskDB
  api: SyncApi
  lock?: LockRunner
  tuning?: Partial<SyncTuning>
  limits?: BatchLimits
  random?: () => number
  now?: () => number
}

/** What one run did, for tests and logs. */
export interface RunReport {
  /** Batches the register answered in this run. */
  sent: number
  /** Why the run ended. */
  ended: 'idle' | 'waiting' | 'stopped' | 'offline' | 'not-configured' | 'busy-elsewhere'
}

/** One per window; `start()` runs it on a timer and on `online` events. */
export class SyncEngine {
  private state: EngineState = {
    connection: 'unknown',
    connectionReason: null,
    sending: false,
    nextRunAt: null,
  }
  private readonly listeners = new Set<() => void>()
  private readonly tuning: SyncTuning
  private readonly now: () => number
  private readonly random: () => number
  private readonly lock: LockRunner
  private current: Promise<RunReport> | null = null
  private again = false
  private healthFailures = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private started = false

  constructor(private readonly options: SyncEngineOptions) {
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning }
    this.now = options.now ?? Date.now
    this.random = options.random ?? Math.random
    this.lock = options.lock ?? webLock
  }

  /** Starts running now, then on its own schedule and whenever the network comes back. */
  start(): void {
    if (this.started) return
    this.started = true
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
    void this.run()
  }

  stop(): void {
    this.started = false
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Staff's "Sync now": stopped batches get another try and any waiting is cut short. */
  async syncNow(): Promise<RunReport> {
    await releaseStopped(this.options.db, new Date(this.now()))
    this.healthFailures = 0
    return this.run()
  }

  /** One pass over the outbox; a call while a pass is under way asks for another pass after it. */
  run(): Promise<RunReport> {
    if (this.current) {
      this.again = true
      return this.current
    }
    const pass = this.pass()
      .catch((error: unknown): RunReport => {
        // A database or programming error: keep the engine alive and try again later.
        console.error('sync run failed', error)
        this.schedule(this.now() + this.tuning.pollMs)
        return { sent: 0, ended: 'waiting' }
      })
      .finally(() => {
        this.current = null
        if (this.again) {
          this.again = false
          void this.run()
        }
      })
    this.current = pass
    return pass
  }

  getState = (): EngineState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private async pass(): Promise<RunReport> {
    // The run that was scheduled is under way: until it schedules the next, none is known.
    this.set({ nextRunAt: null })
    const health = await this.health()
    if (health.state !== 'ok') {
      const offline = health.state === 'unreachable'
      this.set({
        connection: offline ? 'offline' : 'not-configured',
        connectionReason: health.reason,
      })
      if (offline) this.healthFailures += 1
      this.schedule(
        this.now() +
          (offline
            ? backoffDelay(this.healthFailures, this.tuning, this.random)
            : this.tuning.pollMs),
      )
      return { sent: 0, ended: offline ? 'offline' : 'not-configured' }
    }
    this.healthFailures = 0
    this.set({ connection: 'online', connectionReason: null })
    // Every window checks the register (so each shows staff the truth), one at a time sends.
    const held = await this.lock(() => this.sendAll(health.credential))
    if (held.ran) return held.value
    this.schedule(this.now() + this.tuning.pollMs)
    return { sent: 0, ended: 'busy-elsewhere' }
  }

  /** Sends batch after batch until none is left, one must wait, or the register refuses. */
  private async sendAll(credential: string): Promise<RunReport> {
    const { db, api } = this.options
    const { kioskId } = await api.getAppInfo()
    let sent = 0
    for (;;) {
      const batch = await nextBatch(db, {
        kioskId,
        credential,
        now: new Date(this.now()),
        limits: this.options.limits,
        countAttempt: true,
      })
      if (!batch) {
        this.schedule(this.now() + this.tuning.pollMs)
        return { sent, ended: sent > 0 || !(await this.blocked()) ? 'idle' : 'stopped' }
      }
      if (batch.nextAttemptAt > this.now()) {
        this.schedule(batch.nextAttemptAt)
        return { sent, ended: 'waiting' }
      }
      // Counted by nextBatch in the transaction that handed it out.
      const attempts = batch.attempts
      this.set({ sending: true })
      let outcome: SendBatchOutcome
      try {
        outcome = await api.sendBatch(JSON.parse(batch.body) as BatchRequestInput)
      } catch (error) {
        outcome = outcomeOfApiError(error)
      } finally {
        this.set({ sending: false })
      }
      const now = new Date(this.now())
      switch (outcome.kind) {
        case 'accepted':
          await applyAnswer(db, batch, outcome.response, now)
          sent += 1
          continue
        case 'retry': {
          // Retry-After is honoured, but never faster than the first backoff step.
          const wait =
            outcome.retryAfterMs === null
              ? backoffDelay(attempts, this.tuning, this.random)
              : Math.max(outcome.retryAfterMs, this.tuning.baseDelayMs)
          const at = now.getTime() + wait
          const serverFailures = await recordFailure(db, batch.id, {
            ...outcome,
            kind: 'retry',
            now,
            nextAttemptAt: at,
          })
          // One record the register cannot take must not stop every later batch for good.
          if (serverFailures >= this.tuning.splitAfterFailures) {
            const split = await splitFailing(db, batch.id, now)
            if (split.kind !== 'none') continue
          }
          this.schedule(at)
          return { sent, ended: 'waiting' }
        }
        case 'stop':
          // Parked until the credential changes or staff press "Sync now", so one pass never
          // sends a refused batch twice.
          await recordFailure(db, batch.id, {
            ...outcome,
            kind: 'stop',
            now,
            credential: outcome.credential || credential,
          })
          if (blocksEverything(outcome.status)) {
            this.schedule(this.now() + this.tuning.pollMs)
            return { sent, ended: 'stopped' }
          }
          // Only this batch is refused: the others may still go through.
          continue
        case 'not-configured':
          this.set({ connection: 'not-configured', connectionReason: outcome.reason })
          await recordProblem(db, {
            at: now.toISOString(),
            message: outcome.reason,
            status: null,
            stopped: true,
          })
          this.schedule(this.now() + this.tuning.pollMs)
          return { sent, ended: 'not-configured' }
      }
    }
  }

  private async health(): Promise<RegisterHealth> {
    try {
      // Signatures still to send: the register's fleet view shows them per kiosk.
      const pendingCount = (await this.options.db.dashboardCounts.get('state:pending'))?.value ?? 0
      return await this.options.api.checkRegister({ pendingCount })
    } catch (error) {
      return { state: 'unreachable', reason: hostProblem(error) }
    }
  }

  private async blocked(): Promise<boolean> {
    return (await this.options.db.batches.where('state').equals('stopped').count()) > 0
  }

  private schedule(at: number): void {
    if (!this.started) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(
      () => {
        this.timer = null
        void this.run()
      },
      Math.max(0, at - this.now()),
    )
    this.set({ nextRunAt: at })
  }

  private set(change: Partial<EngineState>): void {
    const next = { ...this.state, ...change }
    if ((Object.keys(change) as (keyof EngineState)[]).every((k) => next[k] === this.state[k])) {
      return
    }
    this.state = next
    for (const listener of this.listeners) listener()
  }

  private readonly onOnline = () => {
    this.healthFailures = 0
    void this.run()
  }

  private readonly onOffline = () => {
    this.set({
      connection: 'offline',
      connectionReason: 'This computer has no network connection.',
    })
  }
}

/** A failure of the host API call itself (not the register's answer) as a send outcome. */
function outcomeOfApiError(error: unknown): SendBatchOutcome {
  if (error instanceof ApiError && error.code === 'invalid-argument') {
    // The stored body does not pass the contract: resending the same bytes cannot help.
    return {
      kind: 'stop',
      status: null,
      credential: '',
      reason: `The batch is malformed: ${error.message}`,
    }
  }
  return { kind: 'retry', status: null, retryAfterMs: null, reason: hostProblem(error) }
}

function hostProblem(error: unknown): string {
  if (error instanceof ApiError && error.code === 'unavailable') {
    return 'The kiosk host is not answering (it may be restarting).'
  }
  return `The kiosk host failed: ${error instanceof Error ? error.message : String(error)}`
}
