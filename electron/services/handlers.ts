import type { Runtime } from '../shared/api'
import type { Handlers } from './dispatch'
import type { CertificateDesk } from './certificate-desk'
import type { Journal } from './journal'
import { listPrinters, printTestPage } from './printing'
import type { SettingsStore } from './settings-store'
import type { StaffAuth } from './staff-auth'
import { createSyncHandlers } from './sync/sync-handlers'
import { APP_NAME, APP_VERSION } from './app-version'

export interface HandlerDeps {
  runtime: Runtime
  settings: SettingsStore
  journal: Journal
  certificates: CertificateDesk
  staff: StaffAuth
}

/** The handler table both transports serve. Each handler gets an argument the contract has already validated. */
export function createHandlers({
  runtime,
  settings,
  journal,
  certificates,
  staff,
}: HandlerDeps): Handlers {
  /** Handlers only an unlocked staff console may call. */
  const staffOnly =
    <I, R>(handler: (input: I) => Promise<R>) =>
    async (input: I) => {
      staff.requireSession()
      return handler(input)
    }
  return {
    getAppInfo: async () => {
      const { kioskId, eventCode, eventName } = settings.editable()
      return { name: APP_NAME, version: APP_VERSION, kioskId, eventCode, eventName, runtime }
    },
    getSettings: async () => settings.publicView(),
    updateSettings: async (update) => settings.update(update),
    appendJournal: async (entries) => journal.append(entries),
    readJournal: async ({ offset, limit }) => journal.read(offset, limit),
    getJournalStats: async () => journal.stats(),
    renderCertificate: async ({ record, language }) => certificates.render(record, language),
    printCertificate: async ({ record }) => certificates.print(record),
    listPrinters: async () => listPrinters(),
    printTestPage: staffOnly(async ({ printerName }) => printTestPage(printerName)),
    getStaffStatus: async () => staff.status(),
    unlockStaff: async ({ pin }) => staff.unlock(pin),
    lockStaff: async () => staff.lock(),
    touchStaff: staffOnly(async () => staff.status()),
    setStaffPin: async ({ pin }) => staff.setPin(pin),
    ...createSyncHandlers(settings),
  }
}
