import { describe, expect, it } from 'vitest'
import {
  buildLayout,
  initialLayer,
  latinArrangement,
  nextScript,
  type FieldKind,
  type KeyboardLayout,
  type LayoutRequest,
} from './layouts'

const request = (overrides: Partial<LayoutRequest> = {}): LayoutRequest => ({
  language: 'en',
  script: 'latin',
  layer: 'letters',
  field: 'text',
  upper: false,
  ...overrides,
})

/** The characters on a row, as a string (`qwertyuiop`). */
const rowText = (layout: KeyboardLayout, index: number) =>
  (layout.rows[index] ?? []).map((key) => (key.type === 'char' ? key.text : '')).join('')

const chars = (layout: KeyboardLayout) =>
  layout.rows.flat().flatMap((key) => (key.type === 'char' ? [key.text] : []))

const actions = (layout: KeyboardLayout) =>
  layout.rows.flat().flatMap((key) => (key.type === 'action' ? [key.action] : []))

describe('layout per language', () => {
  it('English is QWERTY', () => {
    const layout = buildLayout(request({ language: 'en' }))
    expect(layout.id).toBe('qwerty')
    expect(rowText(layout, 0)).toBe('qwertyuiop')
    expect(rowText(layout, 1)).toBe('asdfghjkl')
    expect(rowText(layout, 2)).toMatch(/^zxcvbnm/)
  })

  it('French is AZERTY, also for regional variants such as fr-BE', () => {
    for (const language of ['fr', 'fr-BE', 'FR_lu']) {
      const layout = buildLayout(request({ language }))
      expect(layout.id).toBe('azerty')
      expect(rowText(layout, 0)).toBe('azertyuiop')
      expect(rowText(layout, 1)).toBe('qsdfghjklm')
      expect(rowText(layout, 2)).toMatch(/^wxcvbn/)
    }
  })

  it('German is QWERTZ with its umlauts and ß on keys of their own', () => {
    const layout = buildLayout(request({ language: 'de' }))
    expect(rowText(layout, 0)).toBe('qwertzuiopü')
    expect(rowText(layout, 1)).toBe('asdfghjklöä')
    expect(rowText(layout, 2)).toMatch(/^yxcvbnmß/)
  })

  it('falls back to QWERTY for other languages, and to national arrangements where known', () => {
    expect(latinArrangement('pl')).toBe('qwerty')
    expect(latinArrangement('es')).toBe('qwerty')
    expect(latinArrangement('zz')).toBe('qwerty')
    expect(latinArrangement('cs')).toBe('qwertz')
    expect(rowText(buildLayout(request({ language: 'it' })), 0)).toBe('qwertyuiop')
  })

  it('switches script in a cycle Latin → Greek → Cyrillic → Latin', () => {
    expect(nextScript('latin')).toBe('greek')
    expect(nextScript('greek')).toBe('cyrillic')
    expect(nextScript('cyrillic')).toBe('latin')
  })

  it('has the whole Greek alphabet on the Greek layout', () => {
    const keys = new Set(chars(buildLayout(request({ script: 'greek' }))))
    for (const letter of 'αβγδεζηθικλμνξοπρστυφχψως') expect(keys).toContain(letter)
  })

  it('has the whole Bulgarian alphabet on the Cyrillic layout', () => {
    const keys = new Set(chars(buildLayout(request({ script: 'cyrillic' }))))
    for (const letter of 'абвгдежзийклмнопрстуфхцчшщъьюя') expect(keys).toContain(letter)
  })

  it('has apostrophe and hyphen next to the letters, for names like O’Brien and Marie-Claire', () => {
    for (const language of ['en', 'fr', 'de']) {
      const keys = chars(buildLayout(request({ language })))
      expect(keys).toContain("'")
      expect(keys).toContain('-')
    }
  })
})

describe('shift, caps and layers', () => {
  it('shows capitals with shift, and the same keys in the same places', () => {
    const lower = buildLayout(request({ language: 'de' }))
    const upper = buildLayout(request({ language: 'de', upper: true }))
    expect(rowText(upper, 0)).toBe('QWERTZUIOPÜ')
    expect(rowText(upper, 2)).toMatch(/^YXCVBNMẞ/)
    expect(upper.rows.map((row) => row.length)).toEqual(lower.rows.map((row) => row.length))
  })

  it('keeps the final sigma small under shift (Greek has no capital final sigma)', () => {
    const upper = buildLayout(request({ script: 'greek', upper: true }))
    expect(chars(upper)).toContain('ς')
    expect(chars(upper)).toContain('Σ')
  })

  it('has a numbers and symbols layer with digits, backspace and enter', () => {
    const layout = buildLayout(request({ layer: 'symbols' }))
    expect(rowText(layout, 0)).toBe('1234567890')
    for (const symbol of ['@', '.', ',', '-', "'", '?', '!', '(', ')', '+', '€']) {
      expect(chars(layout)).toContain(symbol)
    }
    expect(actions(layout)).toEqual(expect.arrayContaining(['backspace', 'enter', 'letters']))
  })

  it('gives every text layout its action keys', () => {
    for (const layer of ['letters', 'symbols', 'accents'] as const) {
      const names = actions(buildLayout(request({ layer })))
      expect(names).toEqual(expect.arrayContaining(['backspace', 'enter', 'space', 'hide']))
    }
    expect(actions(buildLayout(request()))).toEqual(
      expect.arrayContaining(['shift', 'symbols', 'accents', 'script']),
    )
    expect(actions(buildLayout(request({ layer: 'accents' })))).toContain('shift')
  })

  it('puts the accented letters on the accents layer, in the case shown', () => {
    const lower = buildLayout(request({ layer: 'accents' }))
    expect(lower.accents?.flatMap((group) => group.variants)).toContain('ł')
    const upper = buildLayout(request({ layer: 'accents', upper: true }))
    expect(upper.accents?.flatMap((group) => group.variants)).toContain('Ł')
  })

  it('opens phone fields on the digits', () => {
    expect(initialLayer('tel')).toBe('symbols')
    expect(initialLayer('text')).toBe('letters')
    expect(initialLayer('email')).toBe('letters')
  })
})

describe('email layout', () => {
  const email = buildLayout(request({ field: 'email', language: 'fr' }))

  it('has @, dot, hyphen, underscore, .com and .eu, and the digits', () => {
    for (const key of ['@', '.', '-', '_', '.com', '.eu']) expect(chars(email)).toContain(key)
    expect(rowText(email, 0)).toBe('1234567890')
  })

  it('keeps the language’s letter arrangement, always Latin, with no space key', () => {
    expect(email.id).toBe('email-azerty')
    const greek = buildLayout(request({ field: 'email', script: 'greek' }))
    expect(greek.id).toBe('email-qwerty')
    expect(actions(email)).not.toContain('space')
    expect(actions(email)).not.toContain('script')
    expect(actions(email)).toEqual(expect.arrayContaining(['shift', 'backspace', 'enter', 'hide']))
  })
})

describe('geometry', () => {
  const fields: FieldKind[] = ['text', 'email', 'tel', 'textarea']
  const all = ['en', 'fr', 'de', 'el', 'bg', 'pl'].flatMap((language) =>
    (['latin', 'greek', 'cyrillic'] as const).flatMap((script) =>
      (['letters', 'symbols', 'accents'] as const).flatMap((layer) =>
        fields.flatMap((field) =>
          [false, true].map((upper) => ({
            name: `${language}/${script}/${layer}/${field}/${upper ? 'upper' : 'lower'}`,
            layout: buildLayout({ language, script, layer, field, upper }),
          })),
        ),
      ),
    ),
  )

  it('makes every row exactly as wide as the layout, so rows line up', () => {
    for (const { name, layout } of all) {
      for (const row of layout.rows) {
        const width = row.reduce((sum, key) => sum + key.width, 0)
        expect(width, name).toBeCloseTo(layout.columns, 9)
      }
    }
  })

  it('never makes a key narrower than most of a letter key', () => {
    for (const { name, layout } of all) {
      for (const key of layout.rows.flat()) {
        if (key.type !== 'spacer') expect(key.width, name).toBeGreaterThanOrEqual(0.85)
      }
    }
  })

  it('keeps the width when switching layers, so keys do not jump under the finger', () => {
    for (const language of ['en', 'fr', 'de']) {
      const widths = (['letters', 'symbols', 'accents'] as const).map(
        (layer) => buildLayout(request({ language, layer })).columns,
      )
      expect(new Set(widths).size).toBe(1)
    }
  })
})
