import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '@shared/settings'
import { i18next } from '../../i18n'
import { partnerLabels } from './partner-labels'

const labelsIn = (language: string) => partnerLabels(i18next.getFixedT(language))

describe('partnerLabels', () => {
  it.each(LANGUAGES)('%s: seven partners, each named once and never empty', (language) => {
    const labels = labelsIn(language)
    expect(labels).toHaveLength(7)
    for (const label of labels) {
      expect(label.name.trim(), `${language} ${label.id}`).not.toBe('')
      expect(label.short, `${language} ${label.id}`).not.toBe(label.name)
    }
    expect(new Set(labels.map((l) => l.name)).size).toBe(7)
  })

  it('shows EUROCITIES once, without an acronym that repeats it', () => {
    for (const language of LANGUAGES) {
      expect(labelsIn(language).find((l) => l.id === 'eurocities')).toEqual({
        id: 'eurocities',
        name: 'EUROCITIES',
        short: null,
      })
    }
  })

  it('names the Committee of the Regions in every official language (an EU body)', () => {
    const english = labelsIn('en').find((l) => l.id === 'cor')!.name
    expect(english).toBe('European Committee of the Regions')
    for (const language of LANGUAGES.filter((l) => l !== 'en'))
      expect(labelsIn(language).find((l) => l.id === 'cor')!.name, language).not.toBe(english)
    expect(labelsIn('de').find((l) => l.id === 'cor')).toEqual({
      id: 'cor',
      name: 'Europäischer Ausschuss der Regionen',
      short: 'AdR',
    })
  })

  it('uses an association’s official name where it has one, else its own', () => {
    expect(labelsIn('de').find((l) => l.id === 'aebr')).toEqual({
      id: 'aebr',
      name: 'Arbeitsgemeinschaft Europäischer Grenzregionen',
      short: 'AGEG',
    })
    // CALRE keeps its acronym in French; Lithuanian has no official name for AER.
    expect(labelsIn('fr').find((l) => l.id === 'calre')?.short).toBe('CALRE')
    expect(labelsIn('lt').find((l) => l.id === 'aer')).toEqual({
      id: 'aer',
      name: 'Assembly of European Regions',
      short: 'AER',
    })
  })
})
