import type { KioskApi } from '@shared/api'
import { CERTIFICATES_PER_CALL, type CertificatesResult } from '@shared/bulk-certificates'
import type { Capacity } from '@shared/signature'
import { loadSignatureRecords } from '../../../db/save-signature'
import { downloadFromUrl } from '../../../lib/download'
import type { KioskDB, StoredSignature } from '../../../db/schema'
import { recordAudit } from '../audit/record-audit'
import { chunks, runMainProcessJob, throwIfCancelled, type JobControl } from './jobs'

export type CertificatesApi = Pick<
  KioskApi,
  'beginCertificates' | 'addCertificates' | 'finishCertificates' | 'cancelCertificates'
>

/**
 * A finished bulk certificate job: the PDF, the job id that reaches it again (download, "Send to
 * printer"), and the ids of the signatures it holds, a page each in this order. The ids stay on
 * this side: once the PDF is sent to the printer, exactly these records are marked printed.
 */
export type CertificatesJob = CertificatesResult & { jobId: string; ids: readonly string[] }

/** Organisers' filter for bulk certificates; null means any. */
export interface CertificateFilter {
  day: string | null
  capacity: Capacity | null
  country: string | null
}

function matches(row: StoredSignature, filter: CertificateFilter): boolean {
  return (
    (filter.capacity === null || row.capacity === filter.capacity) &&
    (filter.country === null || row.country === filter.country) &&
    (filter.day === null || row.day === filter.day)
  )
}

/** Ids of the signatures matching a filter, in certificate-number order (the PDF's page order). */
export async function idsForFilter(db: KioskDB, filter: CertificateFilter): Promise<string[]> {
  // Narrow with the most selective index available; the rest is checked on light rows.
  const collection =
    filter.day !== null
      ? db.signatures.where('day').equals(filter.day)
      : filter.country !== null
        ? db.signatures.where('country').equals(filter.country)
        : filter.capacity !== null
          ? db.signatures.where('capacity').equals(filter.capacity)
          : db.signatures.toCollection()
  const picked: { id: string; certificateNo: string }[] = []
  await collection.each((row) => {
    if (matches(row, filter)) picked.push({ id: row.id, certificateNo: row.certificateNo })
  })
  return inCertificateOrder(picked)
}

/** Table rows sorted into certificate-number order. */
export function inCertificateOrder(
  rows: readonly { id: string; certificateNo: string }[],
): string[] {
  return [...rows]
    .sort((a, b) =>
      a.certificateNo < b.certificateNo ? -1 : a.certificateNo > b.certificateNo ? 1 : 0,
    )
    .map((row) => row.id)
}

/** A file-name label for a filter: `2026-10-13-organisation-de`, `all-days-everyone`. */
export function filterLabel(filter: CertificateFilter): string {
  return [filter.day ?? 'all-days', filter.capacity ?? 'everyone', filter.country?.toLowerCase()]
    .filter(Boolean)
    .join('-')
}

/** A file-name label for a table selection, unique to the second. */
export function selectionLabel(now: Date = new Date()): string {
  return `selection-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`
}

/**
 * One PDF of certificates, a page each, for these ids in this order. Records go to the main
 * process in chunks; each answer says how many pages are written, and Cancel stops the writer
 * at once (the partial PDF is removed). The audit log notes the finished PDF.
 */
export async function createCertificates(
  db: KioskDB,
  api: CertificatesApi,
  options: JobControl & {
    ids: readonly string[]
    label: string
    folder?: string
    language?: string
    /** Also stream the PDF to this browser as a download while it is written (web host). */
    download?: boolean
    /** Starts the browser's download of the job's URL; replaceable in tests. */
    startDownload?: (url: string, fileName: string) => void
  },
): Promise<CertificatesJob> {
  const { signal, onProgress, ids } = options
  const begin = async () => {
    const started = await api.beginCertificates({
      label: options.label,
      total: ids.length,
      ...(options.folder ? { folder: options.folder } : {}),
      ...(options.language ? { language: options.language } : {}),
      ...(options.download ? { download: true } : {}),
    })
    // The writer waits for the browser to open the URL, so the download holds every page.
    if (started.downloadUrl) {
      const fileName = started.path.split(/[\\/]/).pop() ?? 'certificates.pdf'
      ;(options.startDownload ?? downloadFromUrl)(started.downloadUrl, fileName)
    }
    return started
  }
  const cancel = (jobId: string) => api.cancelCertificates({ jobId })
  // What the PDF really holds: a signature withdrawn since the selection has no page.
  const sent: string[] = []
  const send = async (jobId: string) => {
    onProgress?.({ phase: 'reading', done: 0, total: ids.length })
    for (const chunk of chunks(ids, CERTIFICATES_PER_CALL)) {
      throwIfCancelled(signal)
      const records = await loadSignatureRecords(db, chunk)
      if (records.length === 0) continue
      const { done } = await api.addCertificates({ jobId, records })
      for (const record of records) sent.push(record.id)
      onProgress?.({ phase: 'reading', done, total: ids.length })
    }
  }
  const finish = async (jobId: string) => {
    onProgress?.({ phase: 'writing', done: ids.length, total: ids.length })
    const result = await api.finishCertificates({ jobId })
    await recordAudit(db, 'bulk-certificates', `${result.count} certificate(s) in ${result.path}`)
    return { ...result, jobId, ids: sent }
  }
  return runMainProcessJob(signal, { begin, send, finish, cancel })
}

/** How many signatures match a filter, without loading them (for the live count). */
export function countForFilter(db: KioskDB, filter: CertificateFilter): Promise<number> {
  if (filter.day !== null) {
    const onDay = db.signatures.where('day').equals(filter.day)
    return filter.capacity === null && filter.country === null
      ? onDay.count()
      : onDay.filter((row) => matches(row, filter)).count()
  }
  if (filter.country !== null) {
    return db.signatures
      .where('country')
      .equals(filter.country)
      .filter((row) => matches(row, filter))
      .count()
  }
  if (filter.capacity !== null)
    return db.signatures.where('capacity').equals(filter.capacity).count()
  return db.signatures.count()
}
