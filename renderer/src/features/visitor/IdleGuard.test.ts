import { describe, expect, it } from 'vitest'
import { i18next } from '../../i18n'
import { idleWarningText } from './IdleGuard'

describe('idle warning', () => {
  it('says goodbye on the thank-you screen, without talking of clearing a form', () => {
    const t = i18next.getFixedT('en')
    expect(idleWarningText(t, true, 15)).toBe('Thank you! This screen closes in 15 seconds.')
    expect(idleWarningText(t, true, 1)).toBe('Thank you! This screen closes in 1 second.')
    expect(idleWarningText(t, true, 15)).not.toMatch(/clear/i)
  })

  it('still warns that the form will be cleared while the visitor is signing', () => {
    const t = i18next.getFixedT('en')
    expect(idleWarningText(t, false, 15)).toBe(
      'For your privacy, this form will be cleared in 15 seconds.',
    )
  })

  it('says goodbye in German too', () => {
    expect(idleWarningText(i18next.getFixedT('de'), true, 10)).toBe(
      'Vielen Dank! Dieser Bildschirm schließt sich in 10 Sekunden.',
    )
  })
})
