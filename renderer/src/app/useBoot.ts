import { useCallback, useEffect, useState } from 'react'
import type { AppInfo } from '@shared/api'
import type { PublicSettings } from '@shared/settings'
import { journalAuditAsWritten } from '../db/audit-journal'
import { db } from '../db'
import { startRetention } from '../db/retention'
import { startSync } from '../features/sync/start-sync'
import { api } from '../lib/api'
import { prepareDatabase } from './prepare-database'

export type Boot =
  | { state: 'loading' }
  | {
      state: 'ready'
      info: AppInfo
      settings: PublicSettings
      /** Reads info and settings again (after staff saved settings), keeping the screens as they are. */
      reload: () => Promise<void>
    }
  | { state: 'failed'; message: string }

/** Loads what every screen needs from the host once, prepares the database, and marks the document for tests (`data-app-state`). */
export function useBoot(): Boot {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' })
  const reload = useCallback(async () => {
    const [info, settings] = await Promise.all([api.getAppInfo(), api.getSettings()])
    setBoot({ state: 'ready', info, settings, reload })
  }, [])
  useEffect(() => {
    let cancelled = false
    Promise.all([api.getAppInfo(), api.getSettings()])
      .then(async ([info, settings]) => {
        await prepareDatabase(settings)
        // In the background, after any restore from the journal: sync never delays a visitor.
        startSync()
        journalAuditAsWritten(db, api)
        startRetention(db, api)
        if (!cancelled) setBoot({ state: 'ready', info, settings, reload })
      })
      .catch((error: unknown) => {
        if (!cancelled)
          setBoot({
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
          })
      })
    return () => {
      cancelled = true
    }
  }, [reload])
  useEffect(() => {
    document.documentElement.dataset.appState = boot.state
  }, [boot.state])
  return boot
}
