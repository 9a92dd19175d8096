import { useCallback, useSyncExternalStore } from 'react'
import type { KioskApi } from '@shared/api'
import { failureMessage } from './job-store'

/** Sending a finished bulk PDF to the printer in settings, as staff see it. */
export type BulkPrintState =
  | { status: 'idle' }
  | { status: 'sending' }
  /** The print queue took it; `printJob` is the spooler's job id when it gave one. */
  | { status: 'sent'; printer: string; printJob: string | null }
  | { status: 'failed'; message: string }

export type BulkPrintApi = Pick<KioskApi, 'printCertificates'>

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
 * Does nothing while the same PDF is already on its way.
 */
export async function sendToPrinter(api: BulkPrintApi, jobId: string): Promise<void> {
  if (bulkPrintState(jobId).status === 'sending') return
  set(jobId, { status: 'sending' })
  try {
    const result = await api.printCertificates({ jobId })
    set(
      jobId,
      result.ok
        ? { status: 'sent', printer: result.printer, printJob: result.jobId }
        : { status: 'failed', message: result.message },
    )
  } catch (error) {
    set(jobId, { status: 'failed', message: failureMessage(error) })
  }
}

/** The print state of one certificate job's PDF, live. */
export function useBulkPrint(jobId: string): BulkPrintState {
  const subscribe = useCallback((listener: () => void) => {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }, [])
  return useSyncExternalStore(subscribe, () => bulkPrintState(jobId))
}
