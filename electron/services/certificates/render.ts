import type { SignatureRecord } from '../../shared/signature'
import { createDocument } from './document'
import { fullName } from './format'
import { addCertificatePage, type CertificateSettings } from './page'
import { certificateStrings } from './strings'

export interface RenderOptions {
  /** Print in this language instead of the signatory's (falls back to English when unknown). */
  language?: string
}

/**
 * One certificate as a one-page A4 landscape PDF. Deterministic: the same record, settings and
 * locale files give the same bytes, so a reprint is identical to the original.
 */
export async function renderCertificate(
  record: SignatureRecord,
  settings: CertificateSettings,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const language = options.language ?? record.language
  const strings = certificateStrings(language)
  const doc = createDocument({
    title: `${strings.title} – ${fullName(record)}`,
    createdAt: new Date(record.createdAt),
    language,
  })
  const chunks: Uint8Array[] = []
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  addCertificatePage(doc, record, settings, strings)
  doc.end()
  await done
  return Buffer.concat(chunks)
}
