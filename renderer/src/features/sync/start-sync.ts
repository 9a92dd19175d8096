/**
 * The window's one sync engine, started after the database is prepared, and the "Sync now"
 * action staff use.
 */
import { z } from 'zod'
import { db } from '../../db'
import { api } from '../../lib/api'
import type { SyncTuning } from './backoff'
import { SyncEngine, type RunReport } from './engine'

declare global {
  interface Window {
    /**
     * Shorter retry timings, set before the app starts (the end-to-end tests do, so that they
     * wait seconds rather than minutes). Unset on a real kiosk.
     */
    kioskSyncTuning?: unknown
  }
}

const tuningSchema = z
  .object({
    baseDelayMs: z.number().int().min(10).max(3_600_000),
    maxDelayMs: z.number().int().min(10).max(3_600_000),
    pollMs: z.number().int().min(10).max(3_600_000),
  })
  .partial()
  .strict()

function tuningOverride(): Partial<SyncTuning> | undefined {
  const given = typeof window === 'undefined' ? undefined : window.kioskSyncTuning
  if (given === undefined) return undefined
  const parsed = tuningSchema.safeParse(given)
  if (!parsed.success) {
    console.warn('kioskSyncTuning ignored:', parsed.error.message)
    return undefined
  }
  return parsed.data
}

let engine: SyncEngine | null = null

/** The window's engine (created on first use, started by `startSync`). */
export function syncEngine(): SyncEngine {
  engine ??= new SyncEngine({ db, api, tuning: tuningOverride() })
  return engine
}

/**
 * Starts sending the outbox in the background: now, on a timer and whenever the network comes
 * back. Safe to call more than once. Never awaited by the visitor flow.
 */
export function startSync(): void {
  syncEngine().start()
}

/** Staff's "Sync now": retries stopped batches and sends at once. */
export function syncNow(): Promise<RunReport> {
  return syncEngine().syncNow()
}
