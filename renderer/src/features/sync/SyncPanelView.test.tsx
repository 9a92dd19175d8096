import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { i18next } from '../../i18n'
import { SyncPanelView, type ProblemListPage } from './SyncPanelView'
import { combineStatus, type SyncFacts, type SyncProblem } from './status'
import type { EngineState } from './engine'

const engine: EngineState = {
  connection: 'online',
  connectionReason: null,
  sending: false,
  nextRunAt: null,
}
const facts: SyncFacts = {
  pending: 0,
  synced: 12,
  duplicate: 0,
  rejected: 0,
  pendingWithdrawals: 0,
  queuedBatches: 0,
  stoppedBatches: 0,
  lastSuccessAt: '2026-10-13T10:00:00.000Z',
  lastError: null,
}

function pageOf(rows: SyncProblem[], more: Partial<ProblemListPage> = {}): ProblemListPage {
  return {
    rows,
    total: rows.length,
    newer: null,
    older: null,
    offset: 0,
    onNewer: null,
    onOlder: null,
    ...more,
  }
}

function text(status = combineStatus(facts, engine), problems: SyncProblem[] = []): string {
  const pick = (state: SyncProblem['state']) => pageOf(problems.filter((p) => p.state === state))
  return render(status, pick('duplicate'), pick('rejected'))
}

function render(
  status: ReturnType<typeof combineStatus>,
  duplicates?: ProblemListPage,
  rejected?: ProblemListPage,
) {
  const html = renderToStaticMarkup(
    <SyncPanelView
      status={status}
      duplicates={duplicates}
      rejected={rejected}
      busy={false}
      onSyncNow={() => undefined}
    />,
  )
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
}

describe('SyncPanelView', () => {
  it('says plainly that the kiosk may be switched off when everything is sent', () => {
    expect(text()).toContain('Safe to switch off: Yes')
    expect(text()).toContain('Sync now')
  })

  it('says No with the number of signatures not yet sent, and the stop reason in words', () => {
    const status = combineStatus(
      {
        ...facts,
        pending: 7,
        pendingWithdrawals: 1,
        stoppedBatches: 1,
        lastError: {
          at: '2026-10-13T10:05:00.000Z',
          message: "The register refused this kiosk's token (401): Unknown or revoked kiosk token.",
          status: 401,
          stopped: true,
        },
      },
      {
        ...engine,
        connection: 'offline',
        connectionReason: 'The register is not accepting connections.',
      },
    )
    const shown = text(status)
    expect(status.safeToSwitchOff).toBe(false)
    expect(shown).toContain(
      'Safe to switch off: No — 7 signatures not yet sent, 1 withdrawal not yet sent',
    )
    expect(shown).toContain('Unknown or revoked kiosk token')
    expect(shown).toContain('Sending is stopped')
    expect(shown).toContain('Offline The register is not accepting connections.')
  })

  it('is not safe to switch off while a batch is on its way, even with nothing pending', () => {
    expect(combineStatus(facts, { ...engine, sending: true }).safeToSwitchOff).toBe(false)
    expect(combineStatus({ ...facts, queuedBatches: 1 }, engine).safeToSwitchOff).toBe(false)
    expect(combineStatus(undefined, engine).safeToSwitchOff).toBe(false)
  })

  it("lists duplicates with the register's certificate number and rejections with the reason", () => {
    const shown = text(combineStatus({ ...facts, duplicate: 1, rejected: 1 }, engine), [
      {
        id: 'a',
        certificateNo: 'EWRC26-B01-000004',
        name: 'Ana Pop',
        state: 'duplicate',
        note: 'EWRC26-B02-000001',
        answeredAt: null,
      },
      {
        id: 'b',
        certificateNo: 'EWRC26-B01-000005',
        name: 'Jan Nowak',
        state: 'rejected',
        note: 'email: Invalid email address',
        answeredAt: null,
      },
    ])
    expect(shown).toContain('EWRC26-B01-000004 Ana Pop Already registered as EWRC26-B02-000001')
    expect(shown).toContain('EWRC26-B01-000005 Jan Nowak email: Invalid email address')
  })

  it('pages a long duplicates list and counts them all', () => {
    const rows = Array.from({ length: 50 }, (_, i): SyncProblem => ({
      id: `d${i}`,
      certificateNo: `EWRC26-B01-${String(51 + i).padStart(6, '0')}`,
      name: 'Ana Pop',
      state: 'duplicate',
      note: 'EWRC26-B02-000001',
      answeredAt: null,
    }))
    const shown = render(
      combineStatus({ ...facts, duplicate: 38_000 }, engine),
      pageOf(rows, {
        total: 38_000,
        offset: 50,
        onNewer: () => undefined,
        onOlder: () => undefined,
      }),
    )
    expect(shown).toContain('Already signed (duplicates) (38,000)')
    expect(shown).toContain('51–100 of 38,000')
    expect(shown).toContain('Newer')
    expect(shown).toContain('Older')
  })

  it('shows the queued batch’s backoff as the next attempt when it is later than the engine’s poll', () => {
    const status = combineStatus(
      { ...facts, pending: 3, queuedBatches: 1, batchDueAt: Date.UTC(2026, 9, 13, 10, 30) },
      { ...engine, nextRunAt: Date.UTC(2026, 9, 13, 10, 0, 15) },
    )
    expect(status.nextAttemptAt).toBe(Date.UTC(2026, 9, 13, 10, 30))
    const sooner = combineStatus(
      { ...facts, pending: 3, queuedBatches: 1, batchDueAt: Date.UTC(2026, 9, 13, 9, 0) },
      { ...engine, nextRunAt: Date.UTC(2026, 9, 13, 10, 0, 15) },
    )
    expect(sooner.nextAttemptAt).toBe(Date.UTC(2026, 9, 13, 10, 0, 15))
    expect(combineStatus({ ...facts, pending: 3 }, engine).nextAttemptAt).toBeNull()
  })

  it('shows the panel in the kiosk language', async () => {
    await i18next.changeLanguage('de')
    try {
      expect(text()).toContain('Ausschalten möglich: Ja')
    } finally {
      await i18next.changeLanguage('en')
    }
  })
})
