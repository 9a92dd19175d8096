import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@shared/api-error'
import type { PrintResult } from '@shared/printing'
import { sampleSignatures } from '@shared/testing/sample-signatures'
import { toStored } from '../../../db/save-signature'
import { KioskDB } from '../../../db/schema'
import {
  bulkPrintState,
  markPrinted,
  PRINTED_PER_TRANSACTION,
  sendToPrinter,
  type BulkPrintApi,
  type PrintableJob,
} from './bulk-print'
import { anyJobRunning } from './job-store'

const opened: KioskDB[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(opened.splice(0).map((db) => db.delete()))
})

const RECORDS = sampleSignatures({ count: 1_100, seed: 12, kioskId: 'B01', eventCode: 'EWRC26' })
const PDF = '/exports/EWRC26-B01-certificates-selection-20261013-101500.pdf'

async function seededDb(): Promise<KioskDB> {
  const db = new KioskDB(`test-${crypto.randomUUID()}`)
  opened.push(db)
  await db.signatures.bulkAdd(RECORDS.map(toStored))
  return db
}

/** A finished certificate job holding these signatures, with a fresh job id. */
function jobOf(ids: readonly string[]): PrintableJob {
  return { jobId: crypto.randomUUID(), path: PDF, count: ids.length, ids }
}

/** A stand-in for the main process: answers `printCertificates` when the test says so. */
function pendingApi() {
  const calls: string[] = []
  let answer: (result: PrintResult | Error) => void = () => undefined
  const api: BulkPrintApi = {
    printCertificates: ({ jobId }) => {
      calls.push(jobId)
      return new Promise((resolve, reject) => {
        answer = (result) => (result instanceof Error ? reject(result) : resolve(result))
      })
    },
  }
  return { api, calls, answer: (result: PrintResult | Error) => answer(result) }
}

const auditLines = async (db: KioskDB) =>
  (await db.audit.toArray()).map((entry) => [entry.action, entry.detail])
const printed = async (db: KioskDB) =>
  (await db.signatures.toArray()).filter((row) => row.printedAt !== null).map((row) => row.id)

describe('sendToPrinter', () => {
  it('shows sending, then the printer and spooler job; a second press meanwhile sends nothing', async () => {
    const db = await seededDb()
    const job = jobOf(RECORDS.slice(0, 37).map((r) => r.id))
    const { api, calls, answer } = pendingApi()
    expect(bulkPrintState(job.jobId)).toEqual({ status: 'idle' })
    const sending = sendToPrinter(db, api, job)
    expect(bulkPrintState(job.jobId)).toEqual({ status: 'sending' })
    await sendToPrinter(db, api, job)
    expect(calls).toEqual([job.jobId])
    answer({ ok: true, printer: 'Booth_Printer', jobId: 'Booth_Printer-12' })
    await sending
    expect(bulkPrintState(job.jobId)).toEqual({
      status: 'sent',
      printer: 'Booth_Printer',
      printJob: 'Booth_Printer-12',
      notRecorded: null,
    })
  })

  it('once the queue has the PDF: one audit line, and exactly its signatures marked printed at that time', async () => {
    const db = await seededDb()
    // More than two transactions' worth, and not every signature of the kiosk.
    const ids = RECORDS.slice(0, 1_050).map((r) => r.id)
    const job = jobOf(ids)
    const { api, answer } = pendingApi()
    const transaction = vi.spyOn(db, 'transaction')
    const sending = sendToPrinter(db, api, job)
    answer({ ok: true, printer: 'Booth_Printer', jobId: 'Booth_Printer-12' })
    await sending

    expect(await auditLines(db)).toEqual([
      [
        'bulk-print',
        'Certificates sent to Booth_Printer: 1050 certificates (EWRC26-B01-certificates-selection-20261013-101500.pdf), job Booth_Printer-12',
      ],
    ])
    const [line] = await db.audit.toArray()
    expect(new Set(await printed(db))).toEqual(new Set(ids))
    const times = new Set((await db.signatures.bulkGet(ids)).map((row) => row?.printedAt))
    expect([...times]).toEqual([line!.at])
    // A transaction per chunk of 500, not a write per signature.
    expect(transaction).toHaveBeenCalledTimes(Math.ceil(ids.length / PRINTED_PER_TRANSACTION))
  })

  it('a queue that gives no job id: the line names the printer only', async () => {
    const db = await seededDb()
    const job = jobOf([RECORDS[0]!.id])
    const { api, answer } = pendingApi()
    const sending = sendToPrinter(db, api, job)
    answer({ ok: true, printer: 'Booth', jobId: null })
    await sending
    expect(await auditLines(db)).toEqual([
      [
        'bulk-print',
        'Certificates sent to Booth: 1 certificate (EWRC26-B01-certificates-selection-20261013-101500.pdf)',
      ],
    ])
    expect(await printed(db)).toEqual([RECORDS[0]!.id])
  })

  it("keeps the printing service's own sentence for a failure, logs it and marks nothing", async () => {
    const db = await seededDb()
    const job = jobOf(RECORDS.slice(0, 37).map((r) => r.id))
    const { api, answer } = pendingApi()
    const sending = sendToPrinter(db, api, job)
    answer({ ok: false, reason: 'no-printer', message: 'No printer is chosen in the settings.' })
    await sending
    expect(bulkPrintState(job.jobId)).toEqual({
      status: 'failed',
      message: 'No printer is chosen in the settings.',
    })
    expect(await auditLines(db)).toEqual([
      [
        'bulk-print',
        'Certificates not sent to the printer (37 certificates, EWRC26-B01-certificates-selection-20261013-101500.pdf): No printer is chosen in the settings.',
      ],
    ])
    expect(await printed(db)).toEqual([])
  })

  it("turns a refused call (expired job, locked console) into the host's sentence, logged", async () => {
    const db = await seededDb()
    const job = jobOf(RECORDS.slice(0, 2).map((r) => r.id))
    const { api, answer } = pendingApi()
    const sending = sendToPrinter(db, api, job)
    answer(
      new ApiError('not-found', 'printCertificates: There is no finished certificate PDF', {
        reason: 'pdf-missing',
      }),
    )
    await sending
    const shown =
      'There is no finished certificate PDF for this job (it was cancelled, failed or is too old); create it again.'
    expect(bulkPrintState(job.jobId)).toEqual({ status: 'failed', message: shown })
    expect(await auditLines(db)).toEqual([
      [
        'bulk-print',
        `Certificates not sent to the printer (2 certificates, EWRC26-B01-certificates-selection-20261013-101500.pdf): ${shown}`,
      ],
    ])
    expect(await printed(db)).toEqual([])
    // Each PDF has its own state.
    expect(bulkPrintState(crypto.randomUUID())).toEqual({ status: 'idle' })
  })

  it('still says "sent" when the kiosk cannot note it (a second send would print it twice), with why', async () => {
    const db = await seededDb()
    const job = jobOf(RECORDS.slice(0, 3).map((r) => r.id))
    vi.spyOn(db.audit, 'add').mockRejectedValue(new Error('The disk is full'))
    const { api, answer } = pendingApi()
    const sending = sendToPrinter(db, api, job)
    answer({ ok: true, printer: 'Booth', jobId: 'Booth-3' })
    await sending
    expect(bulkPrintState(job.jobId)).toEqual({
      status: 'sent',
      printer: 'Booth',
      printJob: 'Booth-3',
      notRecorded: 'Something went wrong: The disk is full',
    })
    // The log line failed; the printed marks are written all the same.
    expect((await printed(db)).sort()).toEqual(job.ids.slice().sort())
  })

  it('holds the idle lock while the PDF is on its way, and lets go with the answer', async () => {
    const db = await seededDb()
    const job = jobOf([RECORDS[0]!.id])
    const { api, answer } = pendingApi()
    expect(anyJobRunning()).toBe(false)
    const sending = sendToPrinter(db, api, job)
    expect(anyJobRunning()).toBe(true)
    answer({ ok: false, reason: 'timeout', message: 'The printer did not answer in time.' })
    await sending
    expect(anyJobRunning()).toBe(false)

    const failing = sendToPrinter(
      db,
      { printCertificates: () => Promise.reject(new Error('x')) },
      job,
    )
    expect(anyJobRunning()).toBe(true)
    await failing
    expect(anyJobRunning()).toBe(false)
  })
})

describe('markPrinted', () => {
  it('marks the signatures still there and skips ids withdrawn meanwhile', async () => {
    const db = await seededDb()
    const ids = RECORDS.slice(0, 4).map((r) => r.id)
    await db.signatures.delete(ids[1]!)
    const at = new Date('2026-10-13T10:15:00Z')
    expect(await markPrinted(db, ids, at)).toBe(3)
    expect(await db.signatures.count()).toBe(RECORDS.length - 1)
    const rows = await db.signatures.bulkGet(ids)
    expect(rows.map((row) => row?.printedAt ?? null)).toEqual([
      '2026-10-13T10:15:00.000Z',
      null,
      '2026-10-13T10:15:00.000Z',
      '2026-10-13T10:15:00.000Z',
    ])
    expect(await markPrinted(db, [], at)).toBe(0)
  })
})
