import type { Page } from '@playwright/test'
import {
  startRegister,
  type RegisterProcess,
  type StartRegisterOptions,
} from '../../register/testing/start-register'
import { openKiosk } from '../support/fixtures'
import type { WebHostProcess } from '../support/web-host'
import { FaultProxy, connectKiosk, useShortSyncTimings } from './sync-kiosk'

// Each test starts a register process and a kiosk host: slower than a plain UI test on 2 cores.
export const SYNC_TEST_TIMEOUT_MS = 150_000

export interface SyncSetupOptions {
  /** How the register is started. */
  register?: StartRegisterOptions
  /** Stop the register again before the kiosk is pointed at it: the kiosk starts offline. */
  registerDown?: boolean
  /**
   * Put a {@link FaultProxy} between the kiosk and the register (the kiosk is given the proxy's
   * URL), already holding back the register's answers to batches when `holdBatchAnswers` is set.
   */
  proxy?: { holdBatchAnswers: boolean }
}

export interface SyncSetup {
  register: RegisterProcess
  /** The proxy asked for with `proxy`, else null. */
  proxy: FaultProxy | null
}

/**
 * The set-up of a sync test: a register process, the test's kiosk host pointed at it (URL and
 * B01's token), short sync timings and the kiosk page open, so the kiosk is syncing when `body`
 * runs. The proxy is closed and the register disposed of afterwards, whatever happens.
 */
export async function withSyncingKiosk(
  { page, host }: { page: Page; host: WebHostProcess },
  options: SyncSetupOptions,
  body: (setup: SyncSetup) => Promise<void>,
): Promise<void> {
  const register = await startRegister(options.register)
  let proxy: FaultProxy | null = null
  try {
    if (options.registerDown) await register.stop()
    if (options.proxy) {
      proxy = await FaultProxy.start(() => register.url)
      proxy.holdBatchAnswers = options.proxy.holdBatchAnswers
    }
    await connectKiosk(host, proxy?.url ?? register.url, register.tokens.B01)
    await useShortSyncTimings(page)
    await openKiosk(page, host)
    await body({ register, proxy })
  } finally {
    await proxy?.close()
    await register.dispose()
  }
}
