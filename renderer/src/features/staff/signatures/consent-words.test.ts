import { describe, expect, it } from 'vitest'
import { i18next } from '../../../i18n'
import { consentWords, consentWordsOrNone } from './consent-words'

const all = {
  endorse: true,
  newsletter: true,
  publishName: true,
  localStory: true,
  localEvents: true,
} as const
const none = { endorse: true, newsletter: false, publishName: false, localStory: false } as const

describe('consent words', () => {
  it('names the consents given in words, not letters', () => {
    const t = i18next.getFixedT('en')
    expect(consentWords(t, { ...none, newsletter: true, publishName: true })).toBe(
      'Newsletter, Name published',
    )
    expect(consentWords(t, all)).toBe('Newsletter, Name published, Local Story, Local events')
  })

  it("speaks the reader's language", () => {
    expect(
      consentWords(i18next.getFixedT('de'), { ...none, publishName: true, localEvents: true }),
    ).toBe('Name veröffentlicht, Lokale Veranstaltungen')
  })

  it('says None where nothing optional was given, and nothing in the table cell', () => {
    const t = i18next.getFixedT('en')
    expect(consentWords(t, none)).toBe('')
    expect(consentWordsOrNone(t, none)).toBe('None')
    expect(consentWordsOrNone(i18next.getFixedT('fr'), none)).toBe('Aucun')
  })
})
