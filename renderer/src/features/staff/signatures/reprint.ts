import type { KioskDB } from '../../../db/schema'
import { loadSignatureRecords } from '../../../db/save-signature'
import { api } from '../../../lib/api'
import { downloadFile } from '../../../lib/download'

/** Reprints one certificate: to the chosen printer when there is one, otherwise as a PDF download. */
export async function reprintCertificate(
  db: KioskDB,
  row: { id: string },
  printer: boolean,
): Promise<boolean> {
  const [record] = await loadSignatureRecords(db, [row.id])
  if (!record) return false
  if (printer) {
    const result = await api.printCertificate({ record }).catch(() => null)
    if (!result?.ok) return false
  } else {
    downloadFile(await api.renderCertificate({ record }), `certificate-${record.certificateNo}.pdf`)
  }
  await db.signatures.update(record.id, { printedAt: new Date().toISOString() })
  return true
}
