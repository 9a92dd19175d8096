import type { Handlers } from '../dispatch'
import type { SettingsStore } from '../settings-store'
import { APP_VERSION } from '../app-version'
import { RegisterClient, type RegisterClientOptions } from './register-client'

export type SyncHandlers = Pick<Handlers, 'checkRegister' | 'sendBatch' | 'setRegisterToken'>

/**
 * The contract methods of the sync engine's main-process half: register health (with the
 * kiosk's heartbeat when the renderer says how many signatures are pending), sending one
 * batch with the token from settings, and storing a new token (as a secret: it is never returned).
 */
export function createSyncHandlers(
  settings: SettingsStore,
  options: RegisterClientOptions = {},
): SyncHandlers {
  const register = new RegisterClient(settings, options)
  return {
    checkRegister: async (input) => {
      const health = await register.health()
      // The fleet view's heartbeat rides on the health check; its failure is not the register's.
      if (health.state === 'ok' && input?.pendingCount !== undefined) {
        await register.heartbeat({
          kioskId: settings.editable().kioskId,
          pendingCount: input.pendingCount,
          appVersion: APP_VERSION,
        })
      }
      return health
    },
    sendBatch: async (batch) => register.sendBatch(batch),
    setRegisterToken: async ({ token }) => {
      await settings.setSecret('registerToken', token)
      return settings.publicView()
    },
  }
}
