import { useLiveQuery } from 'dexie-react-hooks'
import { useSyncExternalStore } from 'react'
import { db } from '../../db'
import { syncEngine } from './start-sync'
import {
  combineStatus,
  readSyncFacts,
  readProblemPage,
  type ProblemPage,
  type ProblemPageStart,
  type SyncStatus,
} from './status'

/**
 * Live sync status for the staff dashboard: counts by state, pending withdrawals, last success,
 * last error, online/offline/not configured, and `safeToSwitchOff`. Re-renders when the
 * database or the engine changes.
 */
export function useSyncStatus(): SyncStatus {
  const engine = syncEngine()
  const state = useSyncExternalStore(engine.subscribe, engine.getState)
  const facts = useLiveQuery(() => readSyncFacts(db), [])
  return combineStatus(facts, state)
}

/** A page of duplicates or rejections with the register's reasons, live; undefined while loading. */
export function useProblemPage(
  state: 'duplicate' | 'rejected',
  start: ProblemPageStart,
): ProblemPage | undefined {
  return useLiveQuery(() => readProblemPage(db, state, start), [state, JSON.stringify(start)])
}
