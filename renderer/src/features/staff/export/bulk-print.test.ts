import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api-error'
import type { PrintResult } from '@shared/printing'
import { bulkPrintState, sendToPrinter, type BulkPrintApi } from './bulk-print'

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

describe('sendToPrinter', () => {
  it('shows sending, then the printer and spooler job; a second press meanwhile sends nothing', async () => {
    const jobId = crypto.randomUUID()
    const { api, calls, answer } = pendingApi()
    expect(bulkPrintState(jobId)).toEqual({ status: 'idle' })
    const sending = sendToPrinter(api, jobId)
    expect(bulkPrintState(jobId)).toEqual({ status: 'sending' })
    await sendToPrinter(api, jobId)
    expect(calls).toEqual([jobId])
    answer({ ok: true, printer: 'Booth', jobId: 'Booth-42' })
    await sending
    expect(bulkPrintState(jobId)).toEqual({
      status: 'sent',
      printer: 'Booth',
      printJob: 'Booth-42',
    })
  })

  it("keeps the printing service's own sentence for a failure", async () => {
    const jobId = crypto.randomUUID()
    const { api, answer } = pendingApi()
    const sending = sendToPrinter(api, jobId)
    answer({ ok: false, reason: 'no-printer', message: 'No printer is chosen in the settings.' })
    await sending
    expect(bulkPrintState(jobId)).toEqual({
      status: 'failed',
      message: 'No printer is chosen in the settings.',
    })
  })

  it("turns a refused call (expired job, locked console) into the host's sentence", async () => {
    const jobId = crypto.randomUUID()
    const { api, answer } = pendingApi()
    const sending = sendToPrinter(api, jobId)
    answer(new ApiError('not-found', 'printCertificates: There is no finished certificate PDF'))
    await sending
    expect(bulkPrintState(jobId)).toEqual({
      status: 'failed',
      message: 'There is no finished certificate PDF',
    })
    // Each PDF has its own state.
    expect(bulkPrintState(crypto.randomUUID())).toEqual({ status: 'idle' })
  })
})
