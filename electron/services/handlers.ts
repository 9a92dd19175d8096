import type { Runtime } from '../shared/api'
import type { Handlers } from './dispatch'
import type { BulkCertificateDesk } from './bulk-certificate-desk'
import type { CertificateDesk } from './certificate-desk'
import { eraseWithdrawn, type ErasurePlaces } from './erasure'
import type { ExportDesk } from './export-desk'
import type { ExportFolders } from './export-folders'
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
  folders: ExportFolders
  exports: ExportDesk
  bulkCertificates: BulkCertificateDesk
  erasure: ErasurePlaces
}

/** The handler table both transports serve. Each handler gets an argument the contract has already validated. */
export function createHandlers({
  runtime,
  settings,
  journal,
  certificates,
  staff,
  folders,
  exports,
  bulkCertificates,
  erasure,
}: HandlerDeps): Handlers {
  /** Handlers only an unlocked staff console may call. */
  const staffOnly =
    <I, R>(handler: (input: I) => Promise<R>) =>
    async (input: I) => {
      staff.requireSession()
      return handler(input)
    }
  const sync = createSyncHandlers(settings)
  return {
    getAppInfo: async () => {
      const { kioskId, eventCode, eventName } = settings.editable()
      return { name: APP_NAME, version: APP_VERSION, kioskId, eventCode, eventName, runtime }
    },
    getSettings: async () => settings.publicView(),
    updateSettings: staffOnly(async (update) => settings.update(update)),
    appendJournal: async (entries) => journal.append(entries),
    readJournal: async ({ offset, limit }) => journal.read(offset, limit),
    getJournalStats: async () => journal.stats(),
    // Not staff-only: retention runs at start and daily, before anyone unlocks the console.
    purgeJournal: async ({ records }) => journal.purge(records),
    eraseWithdrawn: staffOnly(async (withdrawal) => eraseWithdrawn(erasure, withdrawal)),
    renderCertificate: async ({ record, language }) => certificates.render(record, language),
    printCertificate: async ({ record }) => certificates.print(record),
    listPrinters: async () => listPrinters(),
    printTestPage: staffOnly(async ({ printerName }) => printTestPage(printerName)),
    getStaffStatus: async () => staff.status(),
    unlockStaff: async ({ pin }) => staff.unlock(pin),
    lockStaff: async () => staff.lock(),
    touchStaff: staffOnly(async () => staff.status()),
    setStaffPin: async ({ pin }) => staff.setPin(pin),
    ...sync,
    setRegisterToken: staffOnly(sync.setRegisterToken),
    getExportInfo: staffOnly(async () => folders.info()),
    chooseExportFolder: staffOnly(async () => {
      const folder = await folders.choose()
      return folder === null ? null : { folder }
    }),
    beginExport: staffOnly(async (scope) => exports.begin(scope)),
    addToExport: staffOnly(async (chunk) => exports.add(chunk)),
    finishExport: staffOnly(async ({ jobId }) => exports.finish(jobId)),
    cancelExport: staffOnly(async ({ jobId }) => exports.cancel(jobId)),
    beginCertificates: staffOnly(async (input) => bulkCertificates.begin(input)),
    addCertificates: staffOnly(async ({ jobId, records }) => bulkCertificates.add(jobId, records)),
    finishCertificates: staffOnly(async ({ jobId }) => bulkCertificates.finish(jobId)),
    cancelCertificates: staffOnly(async ({ jobId }) => bulkCertificates.cancel(jobId)),
    readCertificates: staffOnly(async ({ jobId }) => bulkCertificates.read(jobId)),
    printCertificates: staffOnly(async ({ jobId }) => bulkCertificates.print(jobId)),
  }
}
