import { spawn } from 'node:child_process'
import { PROJECT_ROOT } from '../../electron/host/paths'

/**
 * Runs a bench script (`bench/node/*.ts`) in its own Node process, as `tsx` runs the app's
 * services, and returns the JSON it prints last. A process of its own gives the workload a clean
 * heap and a peak RSS of its own, not the bench's.
 */
export async function runChild<T>(script: string, input: unknown): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(input)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KIOSK_LOG_LEVEL: 'warn' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`${script} exited with ${code}:\n${stderr}`)
  const last = stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(last) as T
}

/** In a child script: its input, as given to runChild. */
export function childInput<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T
}

/** The highest resident set size of this process so far, in MB (the kernel's high-water mark). */
export function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024
}
