import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SignatureRecord } from '../shared/signature'
import type { PrintResult } from '../shared/printing'
import { renderCertificate } from './certificates'
import { printPdf } from './printing'
import type { SettingsStore } from './settings-store'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-files'

/** How long a visitor waits for "printed" before being told to ask the staff. */
export const PRINT_TIMEOUT_MS = 45_000

/**
 * Certificates as the kiosk hands them out: rendered with the event's settings, printed from the
 * PDF file through the OS spooler to the printer chosen in settings.
 */
export class CertificateDesk {
  constructor(
    private readonly settings: SettingsStore,
    private readonly spoolDir: string,
  ) {}

  /** The certificate PDF for a record, in the signatory's language unless another is asked for. */
  render(record: SignatureRecord, language?: string): Promise<Uint8Array> {
    return renderCertificate(record, this.settings.editable(), language ? { language } : {})
  }

  /** Prints a record's certificate; always answers within PRINT_TIMEOUT_MS. */
  async print(record: SignatureRecord): Promise<PrintResult> {
    const { printerName } = this.settings.editable()
    if (!printerName) {
      return { ok: false, reason: 'no-printer', message: 'No printer is chosen in the settings.' }
    }
    await ensurePrivateDir(this.spoolDir)
    const file = join(this.spoolDir, `${record.certificateNo}.pdf`)
    try {
      // The certificate holds the signatory's name: private while it waits for the spooler.
      await writeFile(file, await this.render(record), { mode: PRIVATE_FILE_MODE })
      return await printPdf(file, printerName, {
        timeoutMs: PRINT_TIMEOUT_MS,
        waitForCompletion: true,
        title: `Certificate ${record.certificateNo}`,
      })
    } finally {
      await rm(file, { force: true })
    }
  }
}
