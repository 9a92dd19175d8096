import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type PublicSettings } from '@shared/settings'
import { i18next } from '../../../i18n'
import {
  changedFields,
  describeChanges,
  fieldErrorText,
  fieldsOfIssues,
  settingsFormSchema,
  toDraft,
} from './settings-form'

const CURRENT: PublicSettings = {
  ...DEFAULT_SETTINGS,
  languages: ['en', 'fr', 'de'],
  registerTokenSet: false,
  staffPinSet: true,
  settingsRestored: null,
}

describe('settings form', () => {
  it('reads numbers from their text boxes and answers only the changed fields', () => {
    const draft = { ...toDraft(CURRENT), idleSeconds: '90', eventCity: 'Bruxelles' }
    expect(draft.thankYouIdleSeconds).toBe('20')
    const parsed = settingsFormSchema.parse(draft)
    expect(changedFields(parsed, CURRENT)).toEqual({ idleSeconds: 90, eventCity: 'Bruxelles' })
    expect(changedFields(settingsFormSchema.parse(toDraft(CURRENT)), CURRENT)).toEqual({})
  })

  it('refuses each invalid field with the shared schema', () => {
    const draft = {
      ...toDraft(CURRENT),
      kioskId: 'b 01',
      idleSeconds: '5',
      thankYouIdleSeconds: 'soon',
      registerUrl: 'ftp://register',
      languages: [],
      timeZone: 'Mars/Olympus',
    }
    const result = settingsFormSchema.safeParse(draft)
    expect(result.success).toBe(false)
    const fields = new Set(result.error?.issues.map((issue) => issue.path[0]))
    expect(fields).toEqual(
      new Set([
        'kioskId',
        'idleSeconds',
        'thankYouIdleSeconds',
        'registerUrl',
        'languages',
        'timeZone',
      ]),
    )
  })

  it('marks the fields the host refused from the typed error’s field paths', () => {
    expect(
      fieldsOfIssues([
        { code: 'invalid', field: 'idleSeconds', params: { max: 600 } },
        { code: 'invalid', field: 'languages.0' },
        { code: 'invalid', field: 'languages.1' },
        { code: 'invalid', field: 'registerToken' },
        { code: 'invalid', field: '' },
      ]),
    ).toEqual(['idleSeconds', 'languages'])
  })

  it('says each field’s rule in the screen’s language, bounds read from the schema', () => {
    expect(fieldErrorText(i18next.getFixedT('en'), 'idleSeconds')).toBe(
      'Idle timeout: a whole number of seconds from 15 to 600',
    )
    expect(fieldErrorText(i18next.getFixedT('de'), 'thankYouIdleSeconds')).toBe(
      'Dankesbildschirm: eine ganze Zahl von Sekunden zwischen 5 und 300',
    )
    for (const field of Object.keys(DEFAULT_SETTINGS) as (keyof typeof DEFAULT_SETTINGS)[]) {
      for (const lng of ['en', 'fr', 'de']) {
        expect(i18next.exists(`errors.settings.${field}`, { lng, fallbackLng: [] }), field).toBe(
          true,
        )
      }
    }
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

  it('checks the data controller: an email address or nothing, one line of text, and its rule in the staff language', async () => {
    const draft = {
      ...toDraft(CURRENT),
      controllerName: 'Committee\u0007 of the Regions',
      controllerEmail: 'privacy at cor',
      controllerAddress: 'Rue Belliard 101, 1040 Brussels',
    }
    const result = settingsFormSchema.safeParse(draft)
    expect(new Set(result.error?.issues.map((issue) => issue.path[0]))).toEqual(
      new Set(['controllerName', 'controllerEmail']),
    )
    const fixed = settingsFormSchema.parse({
      ...draft,
      controllerName: ' Committee of the Regions ',
      controllerEmail: 'privacy@cor.europa.eu',
    })
    expect(changedFields(fixed, CURRENT)).toEqual({
      controllerName: 'Committee of the Regions',
      controllerEmail: 'privacy@cor.europa.eu',
      controllerAddress: 'Rue Belliard 101, 1040 Brussels',
    })
    await i18next.changeLanguage('fr')
    expect(fieldErrorText(i18next.t, 'controllerEmail')).toBe(
      'Adresse électronique du responsable : une adresse telle que privacy@example.eu, ou vide',
    )
    await i18next.changeLanguage('en')
  })
})
