import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '@shared/settings'
import { labelsFor } from './labels'

describe('keyboard labels', () => {
  it('follows the visitor language, with English for a language without a file', () => {
    expect(labelsFor('fr-BE').keyboard).toBe('Clavier à l’écran')
    expect(labelsFor('de').hide).toBe('Tastatur ausblenden')
    expect(labelsFor('xx').keyboard).toBe('On-screen keyboard')
    expect(labelsFor('de').variantsOf).toBe('Akzente für {letter}')
  })

  it('keeps the enter key’s visible caption inside its accessible name (label in name)', () => {
    for (const language of LANGUAGES) {
      const labels = labelsFor(language)
      expect(labels.nextField.toLowerCase()).toContain(labels.next.toLowerCase())
    }
  })
})
