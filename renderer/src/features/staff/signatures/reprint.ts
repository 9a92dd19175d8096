import type { KioskApi } from '@shared/api'
import type { KioskDB } from '../../../db/schema'
import { loadSignatureRecords } from '../../../db/save-signature'
import { downloadFile } from '../../../lib/download'
import { failureMessage } from '../../../lib/failure-message'
import { recordAudit } from '../audit/record-audit'

export type ReprintApi = Pick<KioskApi, 'printCertificate' | 'renderCertificate'>

export type ReprintOutcome =
  /** `notRecorded`: why the printed mark or the audit line could not be written. */
  { ok: true; printer: string | null; notRecorded?: string } | { ok: false; message: string }

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
    outcome = { ok: false, message: failureMessage(error) }
  }
  // The certificate is out: failing to record that must not hide it, so each step is tried.
  const notRecorded: string[] = []
  if (outcome.ok) {
    await db.signatures
      .update(record.id, { printedAt: new Date().toISOString() })
      .catch((error: unknown) => notRecorded.push(failureMessage(error)))
  }
  await recordAudit(db, 'reprint', reprintDetail(number, outcome)).catch((error: unknown) =>
    notRecorded.push(failureMessage(error)),
  )
  if (outcome.ok && notRecorded.length) return { ...outcome, notRecorded: notRecorded.join(' ') }
  return outcome
}

function reprintDetail(certificateNo: string, outcome: ReprintOutcome): string {
  if (!outcome.ok) return `Certificate ${certificateNo} not reprinted: ${outcome.message}`
  return outcome.printer
    ? `Certificate ${certificateNo} reprinted on ${outcome.printer}`
    : `Certificate ${certificateNo} given as a PDF`
}
