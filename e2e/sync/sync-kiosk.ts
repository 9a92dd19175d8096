/**
 * Helpers for the sync end-to-end tests: configure a kiosk through its host API, seed signatures
 * into its IndexedDB, read what the kiosk and the register each hold, and a fault-injecting
 * proxy in front of the real register.
 */
import { expect, type Page } from '@playwright/test'
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { certificateVerificationSchema, statsSchema } from '../../electron/shared/register-protocol'
import { normaliseEmail } from '../../electron/shared/normalise'
import type { SignatureRecord } from '../../electron/shared/signature'
import { sampleRecord } from '../../electron/shared/testing/sample-record'
import type { RegisterProcess } from '../../register/testing/start-register'
import { recount, type Counted } from '../../electron/shared/dashboard-count-keys'
import { STAFF_PIN } from '../staff/staff-page'
import { hostValue as hostCall, unlockHost } from '../support/host-api'
import type { WebHostProcess } from '../support/web-host'

/** Short retry timings for the tests (the engine's are 1 s → 5 min and a 15 s poll). */
export const TEST_TUNING = { baseDelayMs: 300, maxDelayMs: 1_500, pollMs: 400 }

/** Installs the short timings before the app starts; call before the first `page.goto`. */
export async function useShortSyncTimings(page: Page): Promise<void> {
  await page.addInitScript((tuning) => {
    ;(window as unknown as { kioskSyncTuning: unknown }).kioskSyncTuning = tuning
  }, TEST_TUNING)
}

/** Calls the kiosk host's API from the test, answering the value (see support/host-api). */
export { hostValue as hostCall } from '../support/host-api'

/**
 * Runs staff-only host calls with the console unlocked, as staff would from the settings screen:
 * the PIN is set on a fresh kiosk (which opens a session) or entered, and the console is locked
 * again afterwards.
 */
export async function asStaff<T>(host: WebHostProcess, fn: () => Promise<T>): Promise<T> {
  await unlockHost(host, STAFF_PIN)
  try {
    return await fn()
  } finally {
    await hostCall(host, 'lockStaff')
  }
}

/** Enters a register token in the kiosk's settings (a secret: the answer only says it is set). */
export async function setRegisterToken(host: WebHostProcess, token: string): Promise<void> {
  const settings = (await asStaff(host, () =>
    hostCall(host, 'setRegisterToken', { token }),
  )) as Record<string, unknown>
  expect(settings.registerTokenSet).toBe(true)
  expect(JSON.stringify(settings)).not.toContain(token)
}

/** Points a kiosk at a register: URL through `updateSettings`, token through `setRegisterToken`. */
export async function connectKiosk(
  host: WebHostProcess,
  registerUrl: string,
  token: string | undefined,
  kioskId?: string,
): Promise<void> {
  if (!token) throw new Error('no register token for this kiosk')
  await asStaff(host, () =>
    hostCall(host, 'updateSettings', { registerUrl, ...(kioskId ? { kioskId } : {}) }),
  )
  await setRegisterToken(host, token)
}

/**
 * Puts signatures straight into the kiosk's IndexedDB in the app's own stored shape (record
 * without strokes in `signatures`, strokes in `strokes`, pending), as if visitors had signed.
 * Signing 50 people through the UI would take minutes; a few tests sign through the UI too.
 */
export async function seedSignatures(
  page: Page,
  count: number,
  options: { from?: number; kioskId?: string } = {},
): Promise<SignatureRecord[]> {
  const from = options.from ?? 501
  const kioskId = options.kioskId ?? 'B01'
  const now = new Date()
  const records = Array.from({ length: count }, (_, i) => {
    const n = from + i
    return sampleRecord(n, {
      id: crypto.randomUUID(),
      kioskId,
      certificateNo: `EWRC26-${kioskId}-${String(n).padStart(6, '0')}`,
      email: `seeded${n}.${kioskId.toLowerCase()}@example.eu`,
      createdAt: now.toISOString(),
      // The register checks the day against createdAt.
      day: now.toISOString().slice(0, 10),
    })
  })
  const stored = records.map(({ signature, ...record }) => ({
    record: {
      ...record,
      emailKey: record.email ? normaliseEmail(record.email) : null,
      orgKey: null,
      syncState: 'pending',
      syncedAt: null,
      syncNote: null,
      printedAt: null,
    },
    strokes: { id: record.id, signature },
  }))
  // The dashboard's counters are part of the data: the same transaction adds to them, as the
  // app's own writes do (renderer/src/db/dashboard-counts.ts).
  const counts = [...recount(stored.map((row) => row.record as Counted))]
  await page.evaluate(
    ({ rows, counts }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cohesion-kiosk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction(['signatures', 'strokes', 'dashboardCounts'], 'readwrite')
          for (const row of rows) {
            tx.objectStore('signatures').add(row.record)
            tx.objectStore('strokes').add(row.strokes)
          }
          const store = tx.objectStore('dashboardCounts')
          for (const [key, by] of counts) {
            const read = store.get(key)
            read.onsuccess = () => {
              const value = ((read.result as { value: number } | undefined)?.value ?? 0) + by
              store.put({ key, value })
            }
          }
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    { rows: stored, counts },
  )
  return records
}

/** Every row of one IndexedDB table of the kiosk, read with the raw API (no app code). */
export async function kioskRows<T = Record<string, unknown>>(
  page: Page,
  table: string,
): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('cohesion-kiosk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains(name)) {
            db.close()
            return resolve([])
          }
          const request = db.transaction(name).objectStore(name).getAll()
          request.onsuccess = () => {
            db.close()
            resolve(request.result as T[])
          }
          request.onerror = () => reject(request.error)
        }
      }),
    table,
  )
}

export interface KioskSignature {
  id: string
  certificateNo: string
  firstName: string
  syncState: string
  syncedAt: string | null
  syncNote: string | null
}

export interface KioskBatch {
  id: string
  recordIds: string[]
  attempts: number
  state: string
  lastError: string | null
  lastStatus: number | null
}

/** How many of the kiosk's signatures are in each sync state. */
export async function syncStates(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const row of await kioskRows<KioskSignature>(page, 'signatures')) {
    counts[row.syncState] = (counts[row.syncState] ?? 0) + 1
  }
  return counts
}

/** The register's own count of registered signatures. */
export async function registeredTotal(register: RegisterProcess): Promise<number> {
  const response = await fetch(`${register.url}/v1/stats`)
  return statsSchema.parse(await response.json()).total
}

/** What the register says about one certificate number. */
export async function registerVerifies(register: RegisterProcess, certificateNo: string) {
  const response = await fetch(
    `${register.url}/v1/certificates/${encodeURIComponent(certificateNo)}`,
    { headers: { accept: 'application/json' } },
  )
  return certificateVerificationSchema.parse(await response.json())
}

/**
 * Checks "exactly once" from both sides: the register holds exactly these signatures (its count
 * equals theirs and each certificate number is valid there), and the kiosk has every one synced,
 * each in exactly one answered batch.
 */
export async function expectExactlyOnce(
  page: Page,
  register: RegisterProcess,
  certificateNos: string[],
): Promise<void> {
  expect(await registeredTotal(register)).toBe(certificateNos.length)
  const statuses = await Promise.all(
    certificateNos.map(async (no) => (await registerVerifies(register, no)).status),
  )
  expect(new Set(statuses)).toEqual(new Set(['valid']))

  const signatures = await kioskRows<KioskSignature>(page, 'signatures')
  expect(signatures.map((s) => s.certificateNo).sort()).toEqual([...certificateNos].sort())
  expect(signatures.filter((s) => s.syncState !== 'synced')).toEqual([])
  const batches = await kioskRows<KioskBatch>(page, 'batches')
  const sentIds = batches.filter((b) => b.state === 'done').flatMap((b) => b.recordIds)
  expect(sentIds.sort()).toEqual(signatures.map((s) => s.id).sort())
}

/**
 * A loopback proxy in front of the register that can hold the register's answer to a batch
 * (after the register committed it) so a test can kill the kiosk mid-send, or answer 500 to
 * every batch holding a given record.
 */
export class FaultProxy {
  /** While true, answers to POST /v1/batches are held back (the register has answered). */
  holdBatchAnswers = false
  /**
   * A batch whose body contains this text is answered 500 without reaching the register, as a
   * register that fails on one record would (e.g. a database refusing a character).
   */
  failBatchesContaining: string | null = null
  /** Batches answered 500 because of `failBatchesContaining`. */
  failedBatches = 0
  /** Resolves once an answer is being held. */
  answerHeld: Promise<number>
  private markHeld!: (status: number) => void
  private readonly sockets = new Set<Socket>()

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {
    this.answerHeld = new Promise((resolve) => (this.markHeld = resolve))
    server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  static async start(target: () => string): Promise<FaultProxy> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const proxy = new FaultProxy(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    )
    server.on('request', (req, res) => {
      const sent: Buffer[] = []
      req.on('data', (chunk: Buffer) => sent.push(chunk))
      req.on('end', () => proxy.forward(req, res, Buffer.concat(sent), target()))
    })
    return proxy
  }

  private forward(req: IncomingMessage, res: ServerResponse, body: Buffer, target: string): void {
    // Only batches: the kiosk's heartbeat is a POST too, and goes through untouched.
    const isBatch = req.method === 'POST' && (req.url ?? '').startsWith('/v1/batches')
    if (
      isBatch &&
      this.failBatchesContaining !== null &&
      body.toString('utf8').includes(this.failBatchesContaining)
    ) {
      this.failedBatches += 1
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: 'invalid byte sequence for encoding "UTF8": 0x00' }))
      return
    }
    const upstream = new URL(req.url ?? '/', target)
    const forward = httpRequest(
      upstream,
      { method: req.method, headers: { ...req.headers, host: upstream.host }, agent: false },
      (answer) => {
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          if (isBatch && this.holdBatchAnswers) {
            this.markHeld(answer.statusCode ?? 0)
            return // never answered: the client dies waiting, or the proxy is closed
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          res.end(Buffer.concat(chunks))
        })
      },
    )
    forward.on('error', () => res.destroy())
    forward.end(body)
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
