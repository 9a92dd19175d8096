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

// Host API calls: the e2e tests' helpers (answer the value, throw the host's refusal).
export { hostValue as hostCall, unlockHost as unlockStaff } from '../../e2e/support/host-api'
