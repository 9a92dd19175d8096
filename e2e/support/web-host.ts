import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../electron/host/paths'

export interface WebHostProcess {
  url: string
  origin: string
  secret: string
  dataDir: string
  process: ChildProcess
  /** Stops the host: SIGTERM for a clean stop, SIGKILL to simulate a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

export async function freshDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kiosk-e2e-'))
}

export interface WebHostOptions {
  /** Default: a fresh temporary folder. */
  dataDir?: string
  /** Default: 0, any free port. */
  port?: number
  exportsDir?: string
  /** The built renderer to serve (`--renderer`); default: the host's own, `out/renderer`. */
  rendererDir?: string
  /** How long to wait for the ready line before giving up; default 30 s. */
  readyTimeoutMs?: number
  /** Extra environment for the host process (e.g. `CUPS_SERVER` for a test print server). */
  env?: Record<string, string>
}

/**
 * Starts the built web host as its own process, exactly as `npm run start:web` does after its
 * build (`tsx electron/host/cli.ts`), and waits for its URL line. The e2e tests and the bench
 * both start it here.
 */
export async function startWebHost(options: WebHostOptions = {}): Promise<WebHostProcess> {
  const dataDir = options.dataDir ?? (await freshDataDir())
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/host/cli.ts',
      '--port',
      String(options.port ?? 0),
      '--data',
      dataDir,
      '--no-open',
      ...(options.exportsDir ? ['--exports', options.exportsDir] : []),
      ...(options.rendererDir ? ['--renderer', options.rendererDir] : []),
    ],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KIOSK_LOG_LEVEL: 'warn', ...options.env },
    },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(
      () => reject(new Error(`web host did not start:\n${stderr}`)),
      options.readyTimeoutMs ?? 30_000,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /ready: (http:\/\/\S+)/.exec(stdout)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited with ${code}:\n${stderr}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    secret: new URLSearchParams(parsed.hash.slice(1)).get('k') ?? '',
    dataDir,
    process: child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
  }
}
