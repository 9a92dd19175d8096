import type { KioskApi } from '@shared/api'
import type { KioskDB } from '../../../db/schema'
import { loadSignatureRecords } from '../../../db/save-signature'
import { downloadFile } from '../../../lib/download'
import { recordAudit } from '../audit/record-audit'

export type ReprintApi = Pick<KioskApi, 'printCertificate' | 'renderCertificate'>

export type ReprintOutcome = { ok: true; printer: string | null } | { ok: false; message: string }

/**
 * Reprints one certificate: to the chosen printer when there is one, otherwise as a PDF download.
 * Either way the record is marked printed and the audit log says what happened, failures too.
 */
export async function reprintCertificate(
  db: KioskDB,
  row: { id: string },
  printer: boolean,
  api: ReprintApi,
  download: (pdf: Uint8Array, name: string) => void = downloadFile,
): Promise<ReprintOutcome> {
  const [record] = await loadSignatureRecords(db, [row.id])
  if (!record) return { ok: false, message: 'This signature is no longer on the kiosk.' }
  const number = record.certificateNo
  let outcome: ReprintOutcome
  try {
    if (printer) {
      const result = await api.printCertificate({ record })
      outcome = result.ok ? { ok: true, printer: result.printer } : result
    } else {
      download(await api.renderCertificate({ record }), `certificate-${number}.pdf`)
      outcome = { ok: true, printer: null }
    }
  } catch (error) {
    outcome = { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  if (outcome.ok) {
    await db.signatures.update(record.id, { printedAt: new Date().toISOString() })
  }
  await recordAudit(db, 'reprint', reprintDetail(number, outcome))
  return outcome
}

function reprintDetail(certificateNo: string, outcome: ReprintOutcome): string {
  if (!outcome.ok) return `Certificate ${certificateNo} not reprinted: ${outcome.message}`
  return outcome.printer
    ? `Certificate ${certificateNo} reprinted on ${outcome.printer}`
    : `Certificate ${certificateNo} given as a PDF`
}
