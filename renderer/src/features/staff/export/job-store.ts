import { useCallback, useSyncExternalStore } from 'react'
import { failureMessage } from '../../../lib/failure-message'
import { JobCancelled, type JobControl, type JobProgress } from './jobs'

export type JobState<R> =
  | { status: 'idle' }
  | { status: 'running'; progress: JobProgress | null }
  | { status: 'done'; result: R }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' }

/** The staff console's long jobs; each runs at most once at a time. */
export type JobKind =
  'day-export' | 'selection-export' | 'filter-certificates' | 'selection-certificates'

interface Slot {
  state: JobState<unknown>
  controller: AbortController | null
}

/*
 * Jobs live outside React: the console shows one tab at a time, and an export must go on (and
 * show its progress again) when staff look at another tab meanwhile.
 */
const slots = new Map<JobKind, Slot>()
const listeners = new Set<() => void>()
const IDLE: JobState<never> = { status: 'idle' }

function slot(kind: JobKind): Slot {
  let found = slots.get(kind)
  if (!found) {
    found = { state: IDLE, controller: null }
    slots.set(kind, found)
  }
  return found
}

function set(kind: JobKind, state: JobState<unknown>) {
  slot(kind).state = state
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Starts a job of this kind unless one is running. Progress and the outcome land in the store;
 * `cancelJob` aborts its signal.
 */
export async function runJob<R>(kind: JobKind, run: (control: JobControl) => Promise<R>) {
  if (slot(kind).controller) return
  const controller = new AbortController()
  slot(kind).controller = controller
  set(kind, { status: 'running', progress: null })
  try {
    const result = await run({
      signal: controller.signal,
      onProgress: (progress) => set(kind, { status: 'running', progress }),
    })
    set(kind, { status: 'done', result })
  } catch (error) {
    set(
      kind,
      error instanceof JobCancelled || controller.signal.aborted
        ? { status: 'cancelled' }
        : { status: 'failed', message: failureMessage(error) },
    )
  } finally {
    slot(kind).controller = null
  }
}

export function cancelJob(kind: JobKind): void {
  slot(kind).controller?.abort()
}

/** Forgets a finished job's outcome (e.g. when its dialog closes). */
export function clearJob(kind: JobKind): void {
  if (!slot(kind).controller) set(kind, IDLE)
}

/** Cancels every running job: the console is locking. */
export function cancelAllJobs(): void {
  for (const { controller } of slots.values()) controller?.abort()
}

/*
 * Work that is not a job (no progress, no Cancel) but whose answer staff wait for: a bulk PDF
 * on its way to the spooler. Bounded by its own deadline.
 */
let waiting = 0

/** Keeps the console open (see `anyJobRunning`) until `work` settles; passes its outcome on. */
export async function keepOpenWhile<T>(work: () => Promise<T>): Promise<T> {
  waiting += 1
  try {
    return await work()
  } finally {
    waiting -= 1
  }
}

/**
 * Whether an export or certificate job is running, or a bulk PDF is being sent to the printer:
 * the idle lock waits for it, so staff find the answer instead of the PIN screen.
 */
export function anyJobRunning(): boolean {
  return waiting > 0 || [...slots.values()].some(({ controller }) => controller !== null)
}

/** The state of one kind of job, live. */
export function useJob<R>(kind: JobKind): JobState<R> {
  const get = useCallback(() => slot(kind).state as JobState<R>, [kind])
  return useSyncExternalStore(subscribe, get)
}

/* The export folder staff chose in this session (Electron's dialog); null = the default. */
let chosenFolder: string | null = null
const folderListeners = new Set<() => void>()

export function setChosenFolder(folder: string | null): void {
  chosenFolder = folder
  for (const listener of folderListeners) listener()
}

export function useChosenFolder(): string | null {
  return useSyncExternalStore(
    (listener) => {
      folderListeners.add(listener)
      return () => folderListeners.delete(listener)
    },
    () => chosenFolder,
  )
}
