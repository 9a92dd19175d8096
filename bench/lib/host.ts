import { spawn, type ChildProcess } from 'node:child_process'
import { PROJECT_ROOT } from '../../electron/host/paths'

export interface BenchHost {
  url: string
  origin: string
  secret: string
  port: number
  dataDir: string
  process: ChildProcess
  /** Wall-clock epoch ms (performance.timeOrigin + now) when the process was spawned. */
  spawnedAt: number
  /** Wall-clock epoch ms when it printed its ready line. */
  readyAt: number
  stop(): Promise<void>
}

/** The wall clock in milliseconds, comparable with a page's `performance.timeOrigin + now()`. */
export const epochNow = () => performance.timeOrigin + performance.now()

/**
 * Starts the web host exactly as `npm run start:web` does after its build (`tsx
 * electron/host/cli.ts`), serving the bench's own build, and resolves on its ready line.
 */
export async function startBenchHost(options: {
  dataDir: string
  rendererDir: string
  port?: number
}): Promise<BenchHost> {
  const spawnedAt = epochNow()
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/host/cli.ts',
      '--port',
      String(options.port ?? 0),
      '--data',
      options.dataDir,
      '--renderer',
      options.rendererDir,
      '--no-open',
    ],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KIOSK_LOG_LEVEL: 'warn' },
    },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${stderr}`)), 60_000)
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
  const readyAt = epochNow()
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    secret: new URLSearchParams(parsed.hash.slice(1)).get('k') ?? '',
    port: Number(parsed.port),
    dataDir: options.dataDir,
    process: child,
    spawnedAt,
    readyAt,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Calls the host API as the renderer does (`POST /api/<method>` with the per-launch secret). */
export async function hostCall<T = unknown>(
  host: Pick<BenchHost, 'origin' | 'secret'>,
  method: string,
  input?: unknown,
): Promise<T> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.secret}` },
    body: JSON.stringify({ input }),
  })
  const envelope = (await response.json()) as {
    ok: boolean
    value?: T
    error?: { message: string }
  }
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message ?? response.status}`)
  return envelope.value as T
}

/** Sets the staff PIN on a fresh kiosk, or unlocks with it: staff-only methods need it. */
export async function unlockStaff(host: Pick<BenchHost, 'origin' | 'secret'>, pin: string) {
  const status = await hostCall<{ pinSet: boolean }>(host, 'getStaffStatus')
  if (!status.pinSet) await hostCall(host, 'setStaffPin', { pin })
  else await hostCall(host, 'unlockStaff', { pin })
}
