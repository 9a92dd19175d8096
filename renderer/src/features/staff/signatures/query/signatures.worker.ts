/**
 * The signatures table's query engine in a module Web Worker: a thin message wrapper around
 * engine.ts, on its own connection to the kiosk database. See client.ts for the page's side.
 */
import { KioskDB } from '../../../../db/schema'
import { SignatureQueryEngine } from './engine'
import { QUERY_METHODS, callEngine, type CallMessage, type WorkerMessage } from './protocol'

/** What this module uses of the worker's global scope (the project's types are the page's). */
interface WorkerScope {
  postMessage(message: WorkerMessage): void
  addEventListener(type: 'message', listener: (event: MessageEvent<CallMessage>) => void): void
}
const scope = self as unknown as WorkerScope
const post = (message: WorkerMessage) => scope.postMessage(message)

const engine = new SignatureQueryEngine(new KioskDB(), (status) => post({ kind: 'status', status }))

scope.addEventListener('message', (event: MessageEvent<CallMessage>) => {
  const { id, method, args } = event.data
  if (!QUERY_METHODS.includes(method)) {
    post({ kind: 'error', id, message: `Unknown method ${String(method)}` })
    return
  }
  callEngine(engine, method, args).then(
    (value) => post({ kind: 'result', id, value }),
    (error: unknown) =>
      post({ kind: 'error', id, message: error instanceof Error ? error.message : String(error) }),
  )
})

engine.start()
post({ kind: 'ready' })
