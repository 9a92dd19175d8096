import { describe, expect, it } from 'vitest'
import { failureStatus, printerStatus } from './printer-status'

const printer = (name: string, extra: { accepting?: boolean; paused?: boolean } = {}) => ({
  name,
  isDefault: false,
  accepting: extra.accepting ?? true,
  ...(extra.paused ? { paused: true } : {}),
})

describe('printerStatus', () => {
  it('says the print service is down in words, with what lpstat said as detail only', () => {
    const status = printerStatus(
      {
        ok: false,
        reason: 'scheduler-stopped',
        message: 'The CUPS print service is not running on this computer.',
        detail: 'lpstat: Scheduler is not running.',
      },
      'Booth',
    )
    expect(status).toEqual({
      kind: 'error',
      key: 'staff.printing.scheduler-stopped',
      values: {},
      detail: 'lpstat: Scheduler is not running.',
    })
  })

  it('tells no printer, a stopped one, one refusing jobs, one not listed and a ready one', () => {
    const list = {
      ok: true as const,
      printers: [
        printer('Ready'),
        printer('Paused', { paused: true }),
        printer('Full', { accepting: false }),
      ],
    }
    expect(printerStatus({ ok: true, printers: [] }, '')?.key).toBe('staff.printing.noPrinters')
    expect(printerStatus(list, 'Paused')).toMatchObject({
      kind: 'warning',
      key: 'staff.printing.paused',
      values: { printer: 'Paused' },
    })
    expect(printerStatus(list, 'Full')?.key).toBe('staff.printing.rejecting')
    expect(printerStatus(list, 'Gone')?.key).toBe('staff.printing.notListed')
    expect(printerStatus(list, 'Ready')).toMatchObject({ kind: 'ok', key: 'staff.printing.ready' })
    expect(printerStatus(list, '')).toBeNull()
    expect(printerStatus(null, 'Ready')).toBeNull()
  })

  it('gives a failed test page its reason sentence', () => {
    expect(
      failureStatus({ ok: false, reason: 'rejected', message: 'The printer refused the job: x' }),
    ).toEqual({ kind: 'error', key: 'staff.printing.rejected', values: {}, detail: null })
  })
})
