import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type PublicSettings } from '@shared/settings'
import { checkDraft, describeChanges, errorsFromHost, toDraft } from './settings-form'

const CURRENT: PublicSettings = {
  ...DEFAULT_SETTINGS,
  languages: ['en', 'fr', 'de'],
  registerTokenSet: false,
  staffPinSet: true,
  settingsRestored: null,
}

describe('settings form', () => {
  it('answers only the changed fields, numbers as numbers', () => {
    const draft = { ...toDraft(CURRENT), idleSeconds: '90', eventCity: 'Bruxelles' }
    expect(checkDraft(draft, CURRENT)).toEqual({
      ok: true,
      update: { idleSeconds: 90, eventCity: 'Bruxelles' },
    })
    expect(checkDraft(toDraft(CURRENT), CURRENT)).toEqual({ ok: true, update: {} })
  })

  it('gives the shared schema message for each invalid field', () => {
    const draft = {
      ...toDraft(CURRENT),
      kioskId: 'b 01',
      idleSeconds: '5',
      thankYouIdleSeconds: 'soon',
      registerUrl: 'ftp://register',
      languages: [],
      timeZone: 'Mars/Olympus',
    }
    const result = checkDraft(draft, CURRENT)
    expect(result).toEqual({
      ok: false,
      errors: {
        kioskId: 'Kiosk id: 1–8 capital letters or digits, e.g. B03',
        idleSeconds: 'Idle timeout: a whole number of seconds from 15 to 600',
        thankYouIdleSeconds: 'Thank-you screen timeout: a whole number of seconds from 5 to 300',
        registerUrl: 'Register URL: a web address starting with https:// (or http://), or empty',
        languages: 'Languages: choose at least one',
        timeZone: 'Unknown time zone, e.g. Europe/Brussels',
      },
    })
  })

  it('reads per-field messages from the host answer', () => {
    expect(
      errorsFromHost(
        'updateSettings: idleSeconds: Idle timeout: too long; languages.0: Invalid option',
      ),
    ).toEqual({ idleSeconds: 'Idle timeout: too long', languages: 'Invalid option' })
  })

  it('describes a change without quoting web addresses', () => {
    expect(
      describeChanges(CURRENT, {
        kioskId: 'B07',
        languages: ['en', 'fr'],
        registerUrl: 'https://user:secret@register.example.eu',
        printerName: 'Booth',
      }),
    ).toBe(
      'Settings changed: kioskId B01 → B07; languages en, fr, de → en, fr; registerUrl changed; printerName (none) → Booth',
    )
  })
})
