/**
 * Starts the real register (`register/src/cli.ts serve`) as its own process on a loopback port,
 * with a fresh data folder and kiosk tokens: the fixture for tests that need a register to talk
 * to, such as the kiosk's sync tests. Runs in any Node test runner (Vitest, Playwright).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStorage, type StorageOptions } from '../src/db/open'
import { createToken, revokeTokens } from '../src/tokens'

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const CLI = join(PROJECT_ROOT, 'register', 'src', 'cli.ts')

export interface StartRegisterOptions {
  /** Kiosks that get a token before the register starts; default `['B01']`. */
  kiosks?: string[]
  /** Reuse this data folder (kept on dispose); default a fresh temporary one (deleted on dispose). */
  dataDir?: string
  /** Use PostgreSQL instead of the embedded database. */
  databaseUrl?: string
  /** Default: a free port chosen by the register; restarts keep it. */
  port?: number
  /** Batches per minute per token before 429; default the register's (high). */
  rateLimitPerMinute?: number
  /** Answer the first n batches 500 (first start only). */
  failBatches?: number
  /** Commit the first n batches, then drop the connection without answering (first start only). */
  dropAfterCommit?: number
  /** How long to wait for "Register listening on …"; default 30 s. */
  startTimeoutMs?: number
}

export type StopSignal = 'SIGTERM' | 'SIGINT' | 'SIGKILL'

export interface RegisterProcess {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  readonly port: number
  readonly dataDir: string | undefined
  /** Tokens by kiosk id, as created so far. */
  readonly tokens: Readonly<Record<string, string>>
  /** Whether the process is up. */
  readonly running: boolean
  /** Everything the process printed, for failure messages. */
  output(): string
  /** Stops the process (SIGTERM or SIGINT: clean shutdown; SIGKILL: a crash). Data is kept. */
  stop(signal?: StopSignal): Promise<void>
  /** Starts it again on the same port and data, without the faults of the first start. */
  start(): Promise<void>
  /**
   * A new token for a kiosk. The embedded database allows one process, so a running register
   * is stopped for it and started again; with PostgreSQL it keeps running.
   */
  createToken(kioskId: string): Promise<string>
  /** Revokes a kiosk's tokens (restarting as for createToken); returns how many. */
  revokeTokens(kioskId: string): Promise<number>
  /** Stops the process and deletes a temporary data folder. */
  dispose(): Promise<void>
}

/** Starts a register process and resolves once it listens. */
export async function startRegister(options: StartRegisterOptions = {}): Promise<RegisterProcess> {
  const ownDir =
    options.dataDir || options.databaseUrl ? undefined : await mkdtemp(join(tmpdir(), 'register-'))
  const dataDir = options.dataDir ?? ownDir
  const storage: StorageOptions = { dataDir, databaseUrl: options.databaseUrl }
  const tokens: Record<string, string> = {}
  let port = options.port ?? 0
  let url = ''
  let child: ChildProcess | null = null
  let log = ''
  let launches = 0

  async function withStorage<T>(fn: (db: Awaited<ReturnType<typeof openStorage>>) => Promise<T>) {
    const restart = child !== null && !options.databaseUrl
    if (restart) await stop()
    const db = await openStorage(storage)
    try {
      return await fn(db)
    } finally {
      await db.close()
      if (restart) await start()
    }
  }

  async function start(): Promise<void> {
    if (child) return
    const args = ['--import', 'tsx', CLI, 'serve', '--port', String(port)]
    if (dataDir) args.push('--data', dataDir)
    if (options.databaseUrl) args.push('--database-url', options.databaseUrl)
    if (options.rateLimitPerMinute !== undefined) {
      args.push('--rate-limit', String(options.rateLimitPerMinute))
    }
    if (launches++ === 0) {
      if (options.failBatches) args.push('--fail-batches', String(options.failBatches))
      if (options.dropAfterCommit) args.push('--drop-after-commit', String(options.dropAfterCommit))
    }
    const proc = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = proc
    url = await new Promise<string>((resolve, reject) => {
      const timeoutMs = options.startTimeoutMs ?? 30_000
      let settled = false
      const settle = (error: Error | null, listening?: string) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (listening) return resolve(listening)
        proc.kill('SIGKILL')
        reject(new Error(`${error?.message}\n${log}`))
      }
      const timer = setTimeout(
        () => settle(new Error(`register did not start within ${timeoutMs} ms`)),
        timeoutMs,
      )
      proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        log += chunk
        const match = /Register listening on (http:\/\/\S+)/.exec(log)
        if (match?.[1]) settle(null, match[1])
      })
      proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
      proc.once('exit', (code, signal) => {
        // Also after a successful start: a register that dies is no longer running.
        if (child === proc) child = null
        settle(new Error(`register exited (${code ?? signal}) before listening`))
      })
    })
    port = Number(new URL(url).port)
  }

  async function stop(signal: StopSignal = 'SIGTERM'): Promise<void> {
    const proc = child
    if (!proc) return
    child = null
    if (proc.exitCode !== null || proc.signalCode !== null) return
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
    proc.kill(signal)
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }

  if (dataDir || options.databaseUrl) {
    const db = await openStorage(storage)
    try {
      for (const kiosk of options.kiosks ?? ['B01']) tokens[kiosk] = await createToken(db, kiosk)
    } finally {
      await db.close()
    }
  }
  try {
    await start()
  } catch (error) {
    if (ownDir) await rm(ownDir, { recursive: true, force: true })
    throw error
  }

  return {
    get url() {
      return url
    },
    get port() {
      return port
    },
    dataDir,
    tokens,
    get running() {
      return child !== null
    },
    output: () => log,
    stop,
    start,
    createToken: (kioskId) =>
      withStorage(async (db) => (tokens[kioskId] = await createToken(db, kioskId))),
    revokeTokens: (kioskId) =>
      withStorage(async (db) => {
        delete tokens[kioskId]
        return revokeTokens(db, kioskId)
      }),
    async dispose() {
      await stop()
      if (ownDir) await rm(ownDir, { recursive: true, force: true })
    },
  }
}
