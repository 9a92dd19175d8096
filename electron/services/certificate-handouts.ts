import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** How long a certificate PDF the kiosk had to save (Electron's download fallback) may stay. */
export const HANDOUT_LIFETIME_MS = 10 * 60_000
const SWEEP_EVERY_MS = 60_000

/**
 * Deletes the files in `dir` last written more than `maxAgeMs` before `now`. A certificate PDF
 * holds a visitor's name: once it has had time to be handed over (printed, copied by staff) it
 * must not stay on a public machine. A missing folder is nothing to do. Answers the names removed.
 */
export async function removeExpiredHandouts(
  dir: string,
  now: number,
  maxAgeMs = HANDOUT_LIFETIME_MS,
): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const removed: string[] = []
  for (const name of names) {
    const path = join(dir, name)
    try {
      const info = await stat(path)
      if (info.isFile() && now - info.mtimeMs > maxAgeMs) {
        await rm(path, { force: true })
        removed.push(name)
      }
    } catch {
      // Gone meanwhile, or not ours to judge: the next sweep tries again.
    }
  }
  return removed
}

/**
 * Sweeps `dir` at start and every minute, so a saved certificate lives about `maxAgeMs` at most.
 * Answers a function that stops it.
 */
export function startHandoutSweeper(
  dir: string,
  options: { maxAgeMs?: number; onError?: (error: unknown) => void } = {},
): () => void {
  const sweep = () =>
    void removeExpiredHandouts(dir, Date.now(), options.maxAgeMs).catch((error: unknown) =>
      options.onError?.(error),
    )
  sweep()
  const timer = setInterval(sweep, SWEEP_EVERY_MS)
  timer.unref?.()
  return () => clearInterval(timer)
}
