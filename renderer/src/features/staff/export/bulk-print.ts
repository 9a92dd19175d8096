import { useCallback, useSyncExternalStore } from 'react'
import type { KioskApi } from '@shared/api'
import type { KioskDB } from '../../../db/schema'
import { failureMessage } from '../../../lib/failure-message'
import { recordAudit } from '../audit/record-audit'
import type { CertificatesJob } from './bulk-certificates'
import { keepOpenWhile } from './job-store'
import { chunks } from './jobs'

/** Sending a finished bulk PDF to the printer in settings, as staff see it. */
export type BulkPrintState =
  | { status: 'idle' }
  | { status: 'sending' }
  /**
   * The print queue took it; `printJob` is the spooler's job id when it gave one. `notRecorded`
   * is why the audit line or the printed marks could not be written (null when they were).
   */
  | { status: 'sent'; printer: string; printJob: string | null; notRecorded: string | null }
  | { status: 'failed'; message: string }

export type BulkPrintApi = Pick<KioskApi, 'printCertificates'>

/** What "Send to printer" needs of a finished job: which PDF, and which signatures it holds. */
export type PrintableJob = Pick<CertificatesJob, 'jobId' | 'path' | 'count' | 'ids'>

/** Signatures marked printed per transaction: a 10,000-page PDF is 20 short writes, not 10,000. */
export const PRINTED_PER_TRANSACTION = 500

/*
 * Kept outside React, by certificate job id, like the jobs themselves: staff may look at another
 * tab while a large PDF goes to the spooler, and must find the answer (and no second button
 * press) when they come back.
 */
const states = new Map<string, BulkPrintState>()
const listeners = new Set<() => void>()
const IDLE: BulkPrintState = { status: 'idle' }

function set(jobId: string, state: BulkPrintState) {
  states.set(jobId, state)
  for (const listener of listeners) listener()
}

export function bulkPrintState(jobId: string): BulkPrintState {
  return states.get(jobId) ?? IDLE
}

/**
 * Asks the main process to print the PDF of this certificate job (it prints only the file that
 * job wrote) and keeps the answer: the printer and spooler job, or the reason in plain words.
 * Either way the audit log gets a line; once the queue has taken the PDF, every signature in it
 * is marked printed (as a single reprint does). Does nothing while the same PDF is already on
 * its way, and holds the console's idle lock until the answer is in.
 */
export async function sendToPrinter(
  db: KioskDB,
  api: BulkPrintApi,
  job: PrintableJob,
): Promise<void> {
  const { jobId } = job
  if (bulkPrintState(jobId).status === 'sending') return
  set(jobId, { status: 'sending' })
  await keepOpenWhile(async () => {
    let outcome: BulkPrintState
    try {
      const result = await api.printCertificates({ jobId })
      outcome = result.ok
        ? { status: 'sent', printer: result.printer, printJob: result.jobId, notRecorded: null }
        : { status: 'failed', message: result.message }
    } catch (error) {
      outcome = { status: 'failed', message: failureMessage(error) }
    }
    set(jobId, await noteOutcome(db, job, outcome))
  })
}

/** Writes the audit line and, for a PDF the queue took, the printed marks; says if it could not. */
async function noteOutcome(
  db: KioskDB,
  job: PrintableJob,
  outcome: BulkPrintState,
): Promise<BulkPrintState> {
  const at = new Date()
  if (outcome.status === 'sent') {
    // Still "sent" whatever fails here: it is in the printer's queue, and sending it again would
    // print it twice. The log line and the marks are tried each on their own.
    const notRecorded: string[] = []
    const note = (error: unknown) => void notRecorded.push(failureMessage(error))
    await recordAudit(
      db,
      'bulk-print',
      sentDetail(job, outcome.printer, outcome.printJob),
      at,
    ).catch(note)
    await markPrinted(db, job.ids, at).catch(note)
    return notRecorded.length ? { ...outcome, notRecorded: notRecorded.join(' ') } : outcome
  }
  if (outcome.status === 'failed') {
    // Staff read the reason on screen; a log that cannot be written must not hide it.
    await recordAudit(db, 'bulk-print', failedDetail(job, outcome.message), at).catch(
      () => undefined,
    )
  }
  return outcome
}

/**
 * Marks these signatures printed at `at`, a chunk per transaction (a chunk is all or nothing).
 * Ids no longer in the table (withdrawn meanwhile) are skipped. Answers how many were marked.
 */
export async function markPrinted(
  db: KioskDB,
  ids: readonly string[],
  at: Date = new Date(),
): Promise<number> {
  const printedAt = at.toISOString()
  let marked = 0
  for (const chunk of chunks(ids, PRINTED_PER_TRANSACTION)) {
    marked += await db.transaction('rw', db.signatures, () =>
      db.signatures.where(':id').anyOf(chunk).modify({ printedAt }),
    )
  }
  return marked
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path
const certificates = (count: number) => `${count} certificate${count === 1 ? '' : 's'}`

/** "Certificates sent to Booth_Printer: 37 certificates (EWRC26-B01-…pdf), job Booth_Printer-12" */
export function sentDetail(job: PrintableJob, printer: string, printJob: string | null): string {
  const sent = `Certificates sent to ${printer}: ${certificates(job.count)} (${fileName(job.path)})`
  return printJob ? `${sent}, job ${printJob}` : sent
}

/** "Certificates not sent to the printer (37 certificates, EWRC26-B01-…pdf): <reason>" */
export function failedDetail(job: PrintableJob, reason: string): string {
  return `Certificates not sent to the printer (${certificates(job.count)}, ${fileName(job.path)}): ${reason}`
}

/** The print state of one certificate job's PDF, live. */
export function useBulkPrint(jobId: string): BulkPrintState {
  const subscribe = useCallback((listener: () => void) => {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }, [])
  return useSyncExternalStore(subscribe, () => bulkPrintState(jobId))
}
