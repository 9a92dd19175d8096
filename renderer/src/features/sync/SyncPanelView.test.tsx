import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { i18next } from '../../i18n'
import { SyncPanelView } from './SyncPanelView'
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

function text(status = combineStatus(facts, engine), problems: SyncProblem[] = []): string {
  const html = renderToStaticMarkup(
    <SyncPanelView status={status} problems={problems} busy={false} onSyncNow={() => undefined} />,
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

  it('shows the panel in the kiosk language', async () => {
    await i18next.changeLanguage('de')
    try {
      expect(text()).toContain('Ausschalten möglich: Ja')
    } finally {
      await i18next.changeLanguage('en')
    }
  })
})
