import type { Runtime } from '../shared/api'
import type { Handlers } from './dispatch'
import { createHandlers } from './handlers'
import { join } from 'node:path'
import { CertificateDesk } from './certificate-desk'
import { Journal } from './journal'
import type { Logger } from './logger'
import { SettingsStore } from './settings-store'
import { StaffAuth } from './staff-auth'

export interface KioskServices {
  handlers: Handlers
  settings: SettingsStore
  journal: Journal
}

/** Opens every service over one data folder and builds the handler table both transports serve. */
export async function openKioskServices(options: {
  dataDir: string
  runtime: Runtime
  log: Logger
}): Promise<KioskServices> {
  const settings = await SettingsStore.open(options.dataDir, options.log)
  const journal = await Journal.open(options.dataDir, options.log)
  return {
    settings,
    journal,
    handlers: createHandlers({
      runtime: options.runtime,
      settings,
      journal,
      certificates: new CertificateDesk(settings, join(options.dataDir, 'spool')),
      staff: new StaffAuth(settings),
    }),
  }
}
