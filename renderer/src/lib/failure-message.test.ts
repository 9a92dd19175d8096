import { describe, expect, it } from 'vitest'
import { API_ERROR_CODES, API_ERROR_REASONS, ApiError } from '@shared/api-error'
import { LANGUAGES } from '@shared/settings'
import { i18next } from '../i18n'
import { failureMessage } from './failure-message'

const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort()

describe('failureMessage', () => {
  it('has every error code and reason in every language, with English’s placeholders', () => {
    const t = i18next.getFixedT('en')
    for (const key of [...API_ERROR_CODES, ...API_ERROR_REASONS]) {
      const english = t(`errors.${key}`)
      expect(i18next.exists(`errors.${key}`, { lng: 'en' }), key).toBe(true)
      for (const lng of LANGUAGES) {
        expect(i18next.exists(`errors.${key}`, { lng, fallbackLng: [] }), `${lng}: ${key}`).toBe(
          true,
        )
        const text = i18next.getResource(lng, 'translation', `errors.${key}`) as string
        expect(placeholders(text), `${lng}: ${key}`).toEqual(placeholders(english))
      }
    }
  })

  it('shows the reason’s text in the screen’s language, with params and coded params translated', () => {
    const error = new ApiError('unavailable', 'Could not write /media/usb: disk full', {
      reason: 'write-failed',
      params: { path: '/media/usb', problem: 'disk-full' },
    })
    expect(failureMessage(error, i18next.getFixedT('en'))).toBe(
      'Could not write to /media/usb: the disk is full. Nothing half-written was left there.',
    )
    expect(failureMessage(error, i18next.getFixedT('fr'))).toBe(
      'Impossible d’écrire dans /media/usb : le disque est plein. Rien d’inachevé n’y a été laissé.',
    )
  })

  it('falls back to the code’s text, never to the English message', () => {
    const error = new ApiError('forbidden', 'updateSettings: The staff console is locked')
    const shown = failureMessage(error, i18next.getFixedT('de'))
    expect(shown).toBe('Das ist nicht erlaubt.')
    expect(shown).not.toContain('updateSettings')
  })

  it('frames a failure without a code', () => {
    expect(failureMessage(new Error('QuotaExceededError'), i18next.getFixedT('en'))).toBe(
      'Something went wrong: QuotaExceededError',
    )
  })
})
