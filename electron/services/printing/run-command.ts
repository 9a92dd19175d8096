import { spawn } from 'node:child_process'

export type CommandOutcome =
  | { kind: 'exit'; code: number; stdout: string; stderr: string }
  | { kind: 'timeout' }
  | { kind: 'not-found' }
  | { kind: 'error'; message: string }

const MAX_OUTPUT = 64 * 1024

/**
 * Runs a spooler command and always settles by the deadline: a print system that hangs (a
 * stalled cupsd, a network queue that never answers) must not hang the kiosk with it. Output is
 * forced to the C locale because we parse it.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (outcome: CommandOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(outcome)
    }
    let stdout = ''
    let stderr = ''
    const child = spawn(command, args, {
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      settle({ kind: 'timeout' })
    }, timeoutMs)
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      if (stdout.length < MAX_OUTPUT) stdout += s
    })
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      if (stderr.length < MAX_OUTPUT) stderr += s
    })
    child.on('error', (error: NodeJS.ErrnoException) =>
      settle(
        error.code === 'ENOENT' ? { kind: 'not-found' } : { kind: 'error', message: error.message },
      ),
    )
    child.on('close', (code, signal) =>
      settle({ kind: 'exit', code: code ?? (signal ? 128 : 1), stdout, stderr }),
    )
  })
}

/** The non-empty lines of a command's output, trimmed. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

export function firstLine(text: string): string {
  return lines(text)[0] ?? ''
}
