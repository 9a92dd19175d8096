import { startWebHost, type WebHostProcess } from '../../e2e/support/web-host'

export interface BenchHost extends WebHostProcess {
  port: number
  /** Wall-clock epoch ms (performance.timeOrigin + now) when the process was spawned. */
  spawnedAt: number
  /** Wall-clock epoch ms when it printed its ready line. */
  readyAt: number
}

/** The wall clock in milliseconds, comparable with a page's `performance.timeOrigin + now()`. */
export const epochNow = () => performance.timeOrigin + performance.now()

/**
 * Starts the web host through the e2e tests' starter (as `npm run start:web` does after its
 * build), serving the bench's own build, and resolves on its ready line (allowing it 60 s).
 */
export async function startBenchHost(options: {
  dataDir: string
  rendererDir: string
  port?: number
}): Promise<BenchHost> {
  const spawnedAt = epochNow()
  const host = await startWebHost({ ...options, readyTimeoutMs: 60_000 })
  const readyAt = epochNow()
  return { ...host, port: Number(new URL(host.origin).port), spawnedAt, readyAt }
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
