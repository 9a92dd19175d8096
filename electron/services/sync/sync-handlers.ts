import type { Handlers } from '../dispatch'
import type { SettingsStore } from '../settings-store'
import { RegisterClient, type RegisterClientOptions } from './register-client'

export type SyncHandlers = Pick<Handlers, 'checkRegister' | 'sendBatch' | 'setRegisterToken'>

/**
 * The contract methods of the sync engine's main-process half: register health, sending one
 * batch with the token from settings, and storing a new token (as a secret: it is never returned).
 */
export function createSyncHandlers(
  settings: SettingsStore,
  options: RegisterClientOptions = {},
): SyncHandlers {
  const register = new RegisterClient(settings, options)
  return {
    checkRegister: async () => register.health(),
    sendBatch: async (batch) => register.sendBatch(batch),
    setRegisterToken: async ({ token }) => {
      await settings.setSecret('registerToken', token)
      return settings.publicView()
    },
  }
}
