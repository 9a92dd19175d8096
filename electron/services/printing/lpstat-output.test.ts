import { describe, expect, it } from 'vitest'
import { acceptingQueues, lpstatFailure, pausedQueues } from './lpstat-output'

// Lines as CUPS 2.4's lpstat prints them in the C locale (the kiosk runs it with LC_ALL=C).
describe('lpstatFailure', () => {
  it('reads "Scheduler is not running" as the stopped print service, raw text as detail', () => {
    expect(lpstatFailure('lpstat: Scheduler is not running.\n', 1)).toEqual({
      ok: false,
      reason: 'scheduler-stopped',
      message: 'The CUPS print service is not running on this computer.',
      detail: 'lpstat: Scheduler is not running.',
    })
  })

  it('reads an unreachable server (CUPS_SERVER elsewhere) the same way', () => {
    const failure = lpstatFailure('lpstat: Unable to connect to server: Connection refused\n', 1)
    expect(failure).toMatchObject({ reason: 'scheduler-stopped' })
  })

  it('reads "No destinations added" as no printers, not a failure', () => {
    expect(lpstatFailure('lpstat: No destinations added.\n', 1)).toBe('no-printers')
  })

  it('keeps anything else unread as a generic reason, with what lpstat said as detail only', () => {
    const failure = lpstatFailure('lpstat: Forbidden\n', 1)
    expect(failure).toMatchObject({ reason: 'spooler-unavailable', detail: 'lpstat: Forbidden' })
    expect(failure !== 'no-printers' && failure.message).not.toContain('Forbidden')
  })
})

describe('acceptingQueues (lpstat -a)', () => {
  it('tells the queues that accept jobs from those that refuse them', () => {
    const out = [
      'Booth_Printer accepting requests since Tue 01 Dec 2026 09:12:03 AM UTC',
      'Office not accepting requests since Mon 30 Nov 2026 05:40:11 PM UTC -',
      '\tRejecting Jobs',
    ].join('\n')
    expect([...acceptingQueues(out)]).toEqual([
      ['Booth_Printer', true],
      ['Office', false],
    ])
  })
})

describe('pausedQueues (lpstat -p)', () => {
  it('finds the stopped (disabled) queues only', () => {
    const out = [
      'printer Booth_Printer is idle.  enabled since Tue 01 Dec 2026 09:12:03 AM UTC',
      'printer Hall now printing Hall-17.  enabled since Tue 01 Dec 2026 09:30:00 AM UTC',
      'printer Office disabled since Tue 01 Dec 2026 10:02:44 AM UTC -',
      '\tPaused',
      'printer Sticker disabled since Tue 01 Dec 2026 10:05:00 AM UTC -',
      '\treason unknown',
    ].join('\n')
    expect([...pausedQueues(out)]).toEqual(['Office', 'Sticker'])
  })
})
