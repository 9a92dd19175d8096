import type { Runtime } from '../shared/api'
import type { ServedApi } from './dispatch'
import { createHandlers } from './handlers'
import { join } from 'node:path'
import { BulkCertificateDesk, type DownloadSource } from './bulk-certificate-desk'
import { CertificateDesk } from './certificate-desk'
import { OrganiserTexts } from './content/organiser-texts'
import { ExportDesk } from './export-desk'
import { ExportFolders, type ChooseFolder } from './export-folders'
import { Journal } from './journal'
import { fileKeyProvider, type KeyProvider } from './kiosk-key'
import type { Logger } from './logger'
import { SettingsStore } from './settings-store'
import { StaffAuth } from './staff-auth'

export interface KioskServices {
  /** What both transports serve: the handler table and the staff session guarding it. */
  api: ServedApi
  settings: SettingsStore
  journal: Journal
  /** Bulk PDFs the web host streams to the browser (unused in Electron). */
  downloads: DownloadSource
}

/** Opens every service over one data folder and builds the handler table both transports serve. */
export async function openKioskServices(options: {
  dataDir: string
  runtime: Runtime
  log: Logger
  /** Where exports and bulk certificates go unless staff choose a folder; default `<data>/exports`. */
  exportsDir?: string
  /** The system folder dialog (Electron only); without it the export folder is fixed. */
  chooseFolder?: ChooseFolder
  /**
   * Holds the kiosk key that encrypts the journal: the OS key store in Electron; default a 0600
   * key file in the data folder (the web host).
   */
  keyProvider?: KeyProvider
}): Promise<KioskServices> {
  const settings = await SettingsStore.open(options.dataDir, options.log)
  const keys = options.keyProvider ?? fileKeyProvider(options.dataDir)
  const journal = await Journal.open(options.dataDir, options.log, await keys.load())
  const exportsDir = options.exportsDir ?? join(options.dataDir, 'exports')
  const folders = new ExportFolders(exportsDir, options.chooseFolder)
  const spoolDir = join(options.dataDir, 'spool')
  const staff = new StaffAuth(settings)
  const bulkCertificates = new BulkCertificateDesk({ settings, folders })
  const handlers = createHandlers({
    runtime: options.runtime,
    settings,
    journal,
    certificates: new CertificateDesk(settings, spoolDir),
    erasure: {
      journal,
      // `certificates`: where Electron saves a certificate PDF it hands out (see main/lockdown).
      certificateDirs: [join(options.dataDir, 'certificates'), spoolDir],
      exportDir: exportsDir,
    },
    staff,
    folders,
    exports: new ExportDesk({ settings, folders }),
    bulkCertificates,
    texts: new OrganiserTexts(),
  })
  return { settings, journal, downloads: bulkCertificates, api: { handlers, gate: staff } }
}
