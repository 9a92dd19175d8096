import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { LANGUAGES } from '@shared/settings'
import { KioskDB } from '../../../db/schema'
import { i18next } from '../../../i18n'
import { recordLock } from './lock-audit'

const opened: KioskDB[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()))
})

describe('recordLock', () => {
  it('writes an idle lock and a manual Lock under different actions', async () => {
    const db = new KioskDB(`test-${crypto.randomUUID()}`)
    opened.push(db)
    await recordLock(db, 'manual', new Date('2026-10-13T10:00:00.000Z'))
    await recordLock(db, 'idle', new Date('2026-10-13T10:05:00.000Z'))
    const lines = await db.audit.orderBy('at').toArray()
    expect(lines.map((l) => l.action)).toEqual(['staff-lock', 'staff-idle-lock'])
    expect(lines[0]!.detail).toMatch(/Lock button/)
    expect(lines[1]!.detail).toMatch(/idle/)
  })

  it('labels the two differently in the audit tab, in every language', () => {
    for (const lng of LANGUAGES) {
      const t = i18next.getFixedT(lng)
      const manual = t('staff.audit.actions.staff-lock')
      const idle = t('staff.audit.actions.staff-idle-lock')
      expect(
        i18next.exists('staff.audit.actions.staff-idle-lock', { lng, fallbackLng: [] }),
        lng,
      ).toBe(true)
      expect(idle, lng).not.toBe(manual)
    }
  })
})
