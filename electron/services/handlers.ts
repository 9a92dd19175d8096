import type { Runtime } from '../shared/api'
import type { Handlers } from './dispatch'
import type { BulkCertificateDesk } from './bulk-certificate-desk'
import type { CertificateDesk } from './certificate-desk'
import type { OrganiserTexts } from './content/organiser-texts'
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
  texts: OrganiserTexts
  erasure: ErasurePlaces
}

/**
 * The handler table both transports serve. Each handler gets an argument the contract has already
 * validated, and runs only when the method's access rule in the contract allows the call.
 */
export function createHandlers({
  runtime,
  settings,
  journal,
  certificates,
  staff,
  folders,
  exports,
  bulkCertificates,
  texts,
  erasure,
}: HandlerDeps): Handlers {
  const sync = createSyncHandlers(settings)
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
    getOrganiserText: async ({ name, language }) => texts.read(name, language),
    getOrganiserTextStatus: async () => texts.status(settings.editable().languages),
    // Public: retention runs at start and daily, before anyone unlocks the console.
    purgeJournal: async ({ records }) => journal.purge(records),
    eraseWithdrawn: async (withdrawal) => eraseWithdrawn(erasure, withdrawal),
    renderCertificate: async ({ record, language }) => certificates.render(record, language),
    printCertificate: async ({ record }) => certificates.print(record),
    listPrinters: async () => listPrinters(),
    printTestPage: async ({ printerName }) => printTestPage(printerName),
    getStaffStatus: async () => staff.status(),
    unlockStaff: async ({ pin }) => staff.unlock(pin),
    lockStaff: async () => staff.lock(),
    touchStaff: async () => staff.status(),
    setStaffPin: async ({ pin }) => staff.setPin(pin),
    ...sync,
    getExportInfo: async () => folders.info(),
    chooseExportFolder: async () => {
      const folder = await folders.choose()
      return folder === null ? null : { folder }
    },
    beginExport: async (scope) => exports.begin(scope),
    addToExport: async (chunk) => exports.add(chunk),
    finishExport: async ({ jobId }) => exports.finish(jobId),
    cancelExport: async ({ jobId }) => exports.cancel(jobId),
    // Only the web host serves downloads; Electron staff open the PDF from the export folder.
    beginCertificates: async (input) =>
      bulkCertificates.begin({ ...input, download: runtime === 'web' && input.download === true }),
    addCertificates: async ({ jobId, records }) => bulkCertificates.add(jobId, records),
    finishCertificates: async ({ jobId }) => bulkCertificates.finish(jobId),
    cancelCertificates: async ({ jobId }) => bulkCertificates.cancel(jobId),
    downloadCertificates: async ({ jobId }) => bulkCertificates.download(jobId),
    printCertificates: async ({ jobId }) => bulkCertificates.print(jobId),
  }
}
