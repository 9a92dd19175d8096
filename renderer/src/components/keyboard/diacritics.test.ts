import { describe, expect, it } from 'vitest'
import { accentGroups, upperOf, variantsOf } from './diacritics'
import { buildLayout, defaultScript, type Layer, type Script } from './layouts'

/**
 * The letters beyond plain a–z of each of the 24 official EU languages (whole alphabets for
 * Greek and Bulgarian). Written out by hand from the languages' alphabets, not derived from the
 * keyboard's tables, so a letter missing from the keyboard fails here.
 */
const SPECIAL_LETTERS: Record<string, string> = {
  bg: 'абвгдежзийклмнопрстуфхцчшщъьюяѝ',
  cs: 'áčďéěíňóřšťúůýž',
  da: 'æøå',
  de: 'äöüß',
  el: 'αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ',
  en: '',
  es: 'áéíñóúü¡¿',
  et: 'šžõäöü',
  fi: 'äöåšž',
  fr: 'àâæçéèêëîïôœùûüÿ',
  ga: 'áéíóú',
  hr: 'čćđšž',
  hu: 'áéíóöőúüű',
  it: 'àèéìíîòóùú',
  lt: 'ąčęėįšųūž',
  lv: 'āčēģīķļņšūž',
  mt: 'ċġħżàèìòù',
  nl: 'éëïóöüèêáí',
  pl: 'ąćęłńóśźż',
  pt: 'áâãàçéêíóôõú',
  ro: 'ăâîșțşţ',
  sk: 'áäčďéíĺľňóôŕšťúýž',
  sl: 'čšž',
  sv: 'åäö',
}

const SCRIPTS: readonly Script[] = ['latin', 'greek', 'cyrillic']
const LAYERS: readonly Layer[] = ['letters', 'symbols']

/** Everything a visitor can type with the keyboard set to a language: keys and long-press variants. */
function reachableBy(language: string, route: 'long-press' | 'accents-key'): Set<string> {
  const reachable = new Set<string>()
  for (const script of SCRIPTS) {
    for (const layer of LAYERS) {
      for (const upper of [false, true]) {
        const layout = buildLayout({ language, script, layer, field: 'text', upper })
        for (const key of layout.rows.flat()) {
          if (key.type !== 'char') continue
          reachable.add(key.text)
          if (route === 'long-press') variantsOf(key.text).forEach((v) => reachable.add(v))
        }
      }
    }
    if (route === 'accents-key') {
      for (const upper of [false, true]) {
        const panel = buildLayout({ language, script, layer: 'accents', field: 'text', upper })
        panel.accents?.forEach((group) => group.variants.forEach((v) => reachable.add(v)))
      }
    }
  }
  return reachable
}

describe('diacritics of the 24 EU languages', () => {
  it('lists all 24 official languages', () => {
    expect(Object.keys(SPECIAL_LETTERS)).toHaveLength(24)
  })

  for (const [language, letters] of Object.entries(SPECIAL_LETTERS)) {
    for (const route of ['long-press', 'accents-key'] as const) {
      it(`${language}: every letter, small and capital, is typeable (${route})`, () => {
        const reachable = reachableBy(language, route)
        const wanted = [...letters].flatMap((letter) => [letter, upperOf(letter)])
        const missing = wanted.filter((letter) => !reachable.has(letter))
        expect(missing).toEqual([])
      })
    }
  }

  it('offers at least the documented variants on long-press', () => {
    expect(variantsOf('a')).toEqual(expect.arrayContaining([...'àáâäãåąāæ']))
    expect(variantsOf('c')).toEqual(expect.arrayContaining([...'çćč']))
    expect(variantsOf('e')).toEqual(expect.arrayContaining([...'èéêëęěėē']))
    expect(variantsOf('s')).toEqual(expect.arrayContaining([...'śšşșß']))
    expect(variantsOf('z')).toEqual(expect.arrayContaining([...'źżž']))
    expect(variantsOf('l')).toEqual(expect.arrayContaining([...'łĺľ']))
    expect(variantsOf('o')).toEqual(expect.arrayContaining([...'òóôöõőøœ']))
    expect(variantsOf('u')).toEqual(expect.arrayContaining([...'ùúûüűůūų']))
    expect(variantsOf('g')).toEqual(expect.arrayContaining([...'ġģğ']))
    expect(variantsOf('h')).toEqual(['ħ'])
    expect(variantsOf('n')).toEqual(expect.arrayContaining([...'ñńňņ']))
    expect(variantsOf('r')).toEqual(expect.arrayContaining([...'řŕ']))
    expect(variantsOf('t')).toEqual(expect.arrayContaining([...'ťţț']))
    expect(variantsOf('d')).toEqual(expect.arrayContaining([...'ďđ']))
    expect(variantsOf('y')).toEqual(expect.arrayContaining([...'ýÿ']))
    expect(variantsOf('i')).toEqual(expect.arrayContaining([...'ìíîïīįı']))
    expect(variantsOf('k')).toEqual(['ķ'])
  })

  it('gives capitals for a capital key, so Ł is a long-press on L', () => {
    expect(variantsOf('L')).toEqual(expect.arrayContaining(['Ł', 'Ĺ', 'Ľ', 'Ļ']))
    expect(variantsOf('S')).toContain('ẞ')
    expect(variantsOf('Η')).toEqual(['Ή'])
    for (const variant of variantsOf('A')) expect(variant).toBe(variant.toUpperCase())
  })

  it('keeps every variant one precomposed character, distinct from its base', () => {
    for (const base of [...'abcdefghijklmnopqrstuvwxyzαεηιουωσи']) {
      for (const shown of [base, upperOf(base)]) {
        const variants = variantsOf(shown)
        expect(new Set(variants).size).toBe(variants.length)
        for (const variant of variants) {
          expect([...variant]).toHaveLength(1)
          expect(variant.normalize('NFC')).toBe(variant)
          expect(variant).not.toBe(shown)
        }
      }
    }
  })

  it('has nothing to offer for keys without accents', () => {
    expect(variantsOf('q')).toEqual([])
    expect(variantsOf('7')).toEqual([])
    expect(variantsOf(' ')).toEqual([])
  })

  it('groups the accents panel by script', () => {
    const latin = accentGroups('latin', false).map((group) => group.base)
    expect(latin).toContain('a')
    expect(latin).not.toContain('α')
    expect(accentGroups('greek', true).map((group) => group.base)).toContain('Ω')
    expect(accentGroups('cyrillic', false)[0]).toEqual({ base: 'и', variants: ['ѝ'] })
    expect(accentGroups('greek', false).map((group) => group.base)).toContain('?')
  })

  it('opens on the script of the language', () => {
    expect(defaultScript('el')).toBe('greek')
    expect(defaultScript('bg')).toBe('cyrillic')
    expect(defaultScript('pl')).toBe('latin')
  })
})
