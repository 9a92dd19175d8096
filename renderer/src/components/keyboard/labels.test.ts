import { describe, expect, it } from 'vitest'
import { labelsFor } from './labels'

describe('keyboard labels', () => {
  it('follows the visitor language, with English where there is no translation', () => {
    expect(labelsFor('fr-BE').keyboard).toBe('Clavier à l’écran')
    expect(labelsFor('de').hide).toBe('Tastatur ausblenden')
    expect(labelsFor('mt').keyboard).toBe('On-screen keyboard')
  })

  it('keeps the enter key’s visible caption inside its accessible name (label in name)', () => {
    for (const language of ['en', 'fr', 'de']) {
      const labels = labelsFor(language)
      expect(labels.nextField.toLowerCase()).toContain(labels.next.toLowerCase())
    }
  })
})
