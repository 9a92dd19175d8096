import type { PrintFailure } from './types'
import { lines } from './run-command'

/**
 * What CUPS' `lpstat` prints, read into states staff are told in their own language. The
 * commands run in the C locale (run-command.ts), so these are CUPS' English messages; whatever
 * else it says stays word for word in `detail`, for a details disclosure and the log, never as
 * the sentence on screen.
 */

/** The scheduler (cupsd) is not running or cannot be reached. */
const SCHEDULER_DOWN =
  /scheduler is not running|unable to connect to (the )?server|connection refused/i
/** CUPS runs but has no queue at all. */
const NO_DESTINATIONS = /no destinations added/i

/** A failed `lpstat -a`: no queues (not a failure: an empty list), or why the list is missing. */
export function lpstatFailure(stderr: string, code: number): PrintFailure | 'no-printers' {
  const said = lines(stderr).join('\n')
  if (NO_DESTINATIONS.test(said)) return 'no-printers'
  if (SCHEDULER_DOWN.test(said)) {
    return {
      ok: false,
      reason: 'scheduler-stopped',
      message: 'The CUPS print service is not running on this computer.',
      detail: said,
    }
  }
  return {
    ok: false,
    reason: 'spooler-unavailable',
    message: `lpstat failed (exit ${code}).`,
    ...(said ? { detail: said } : {}),
  }
}

/** `lpstat -a`: each queue and whether it accepts jobs. */
export function acceptingQueues(stdout: string): Map<string, boolean> {
  const queues = new Map<string, boolean>()
  for (const line of lines(stdout)) {
    const match = /^(\S+)\s+(not\s+)?accepting/.exec(line)
    if (match?.[1]) queues.set(match[1], !match[2])
  }
  return queues
}

/**
 * `lpstat -p`: the queues CUPS has stopped ("disabled": jobs wait and nothing prints until
 * staff resume it, as after a paper jam or `cupsdisable`).
 */
export function pausedQueues(stdout: string): Set<string> {
  const paused = new Set<string>()
  for (const line of lines(stdout)) {
    const match = /^printer\s+(\S+)\s+disabled\b/.exec(line)
    if (match?.[1]) paused.add(match[1])
  }
  return paused
}
