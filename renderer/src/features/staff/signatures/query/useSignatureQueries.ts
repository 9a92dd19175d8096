import { useSyncExternalStore } from 'react'
import { db } from '../../../../db'
import { SignatureQueryClient, type QueryStatus } from './client'

export interface QueriesSnapshot {
  client: SignatureQueryClient
  status: QueryStatus
}

interface Open {
  snapshot: QueriesSnapshot
  listeners: Set<() => void>
  closing: ReturnType<typeof setTimeout> | undefined
}

/** Ends the engine (and its worker, with the rows it holds) this long after the table goes. */
const CLOSE_AFTER_MS = 1_000

let open: Open | null = null

function current(): Open {
  if (open) return open
  const client = new SignatureQueryClient(db)
  const opened: Open = {
    snapshot: { client, status: client.status() },
    listeners: new Set(),
    closing: undefined,
  }
  client.subscribe((status) => {
    opened.snapshot = { client, status }
    for (const listener of opened.listeners) listener()
  })
  open = opened
  scheduleClose(opened)
  return opened
}

function scheduleClose(opened: Open): void {
  clearTimeout(opened.closing)
  opened.closing = setTimeout(() => {
    if (opened.listeners.size > 0) return
    opened.snapshot.client.close()
    if (open === opened) open = null
  }, CLOSE_AFTER_MS)
}

function subscribe(listener: () => void): () => void {
  const opened = current()
  clearTimeout(opened.closing)
  opened.listeners.add(listener)
  return () => {
    opened.listeners.delete(listener)
    if (opened.listeners.size === 0) scheduleClose(opened)
  }
}

const snapshot = () => current().snapshot

/**
 * The signatures table's query client (engine in a worker, or on the page) and its status, one
 * for as long as a table is on screen.
 */
export function useSignatureQueries(): QueriesSnapshot {
  return useSyncExternalStore(subscribe, snapshot)
}
