import { describe, expect, it } from 'vitest'
import { foldForSearch, organisationKey } from './normalise'

/**
 * The special letters of the 24 official EU languages (and a few neighbours' seen at the booths),
 * written out here with what a reader typing without them would type: the expectations are this
 * list, not anything computed by the code under test.
 */
const LETTERS_BY_LANGUAGE: [language: string, written: string, typed: string][] = [
  ['bg (Cyrillic stays Cyrillic)', 'ИВАН Йорданова Щерев ъ ь ю я', 'иван иорданова щерев ъ ь ю я'],
  ['cs', 'áčďéěíňóřšťúůýž ÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ', 'acdeeinorstuuyz acdeeinorstuuyz'],
  ['da', 'æøå ÆØÅ', 'aeoa aeoa'],
  ['de', 'äöüß ÄÖÜẞ', 'aouss aouss'],
  ['el (Greek stays Greek)', 'άέήίόύώϊϋΐΰ ΆΈΉΊΌΎΏ', 'αεηιουωιυιυ αεηιουω'],
  ['en', 'naïve café', 'naive cafe'],
  ['es', 'áéíóúñü ÁÉÍÓÚÑÜ', 'aeiounu aeiounu'],
  ['et', 'õäöüšž ÕÄÖÜŠŽ', 'oaousz oaousz'],
  ['fi', 'äöå ÄÖÅ', 'aoa aoa'],
  ['fr', 'àâçéèêëîïôùûüÿœæ ÀÂÇÉÈÊËÎÏÔÙÛÜŸŒÆ', 'aaceeeeiiouuuyoeae aaceeeeiiouuuyoeae'],
  ['ga', 'áéíóú ÁÉÍÓÚ', 'aeiou aeiou'],
  ['hr', 'čćđšž ČĆĐŠŽ ǅ ǆ', 'ccdsz ccdsz dz dz'],
  ['hu', 'áéíóöőúüű ÁÉÍÓÖŐÚÜŰ', 'aeiooouuu aeiooouuu'],
  ['it', 'àèéìíîòóùú ÀÈÉÌÒÙ', 'aeeiiioouu aeeiou'],
  ['lt', 'ąčęėįšųūž ĄČĘĖĮŠŲŪŽ', 'aceeisuuz aceeisuuz'],
  ['lv', 'āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ', 'acegiklnsuz acegiklnsuz'],
  ['mt', 'ċġħż ĊĠĦŻ', 'cghz cghz'],
  ['nl', 'ĳ Ĳ éëïö', 'ij ij eeio'],
  ['pl', 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ', 'acelnoszz acelnoszz'],
  ['pt', 'áâãàçéêíóôõú ÁÂÃÀÇÉÊÍÓÔÕÚ', 'aaaaceeiooou aaaaceeiooou'],
  ['ro', 'ăâîșțşţ ĂÂÎȘȚŞŢ', 'aaistst aaistst'],
  ['sk', 'áäčďéíĺľňóôŕšťúýž ÁÄČĎÉÍĹĽŇÓÔŔŠŤÚÝŽ', 'aacdeillnoorstuyz aacdeillnoorstuyz'],
  ['sl', 'čšž ČŠŽ', 'csz csz'],
  ['sv', 'åäö ÅÄÖ', 'aao aao'],
  ['is, fo, tr (neighbours)', 'þðığş ÞÐİĞŞ', 'thdigs thdigs'],
]

/** Names as staff search for them: written, then as typed on a keyboard without the letters. */
const NAMES: [written: string, typed: string][] = [
  ['Đurić', 'duric'],
  ['Østergaard', 'ostergaard'],
  ['Ærø', 'aero'],
  ['Straße', 'strasse'],
  ['Ħal Qormi', 'hal qormi'],
  ['Łódź', 'lodz'],
  ['Œuvre', 'oeuvre'],
  ['Þór', 'thor'],
  ['Ðorđević', 'dordevic'],
  ['Île-de-France', 'ile-de-france'],
  ['Sønderborg', 'sonderborg'],
  ['Nagy Ödön Ősz', 'nagy odon osz'],
  ['Ščepánek', 'scepanek'],
  ['Ģirts Ķēniņš', 'girts kenins'],
  ['Ġużeppi Borġ', 'guzeppi borg'],
  ['Ţuţuianu Ștefănescu', 'tutuianu stefanescu'],
]

describe('foldForSearch', () => {
  it.each(LETTERS_BY_LANGUAGE)('folds the letters of %s', (_language, written, typed) => {
    expect(foldForSearch(written)).toBe(typed)
  })

  it.each(NAMES)('%s is found by "%s"', (written, typed) => {
    expect(foldForSearch(written)).toBe(typed)
  })

  it('keeps Greek and Cyrillic letters, so a search in them finds them', () => {
    expect(foldForSearch('Ελένη Παπαδοπούλου').includes(foldForSearch('ελ'))).toBe(true)
    expect(foldForSearch('Ελένη')).toBe('ελενη')
    expect(foldForSearch('Иван Петров').includes(foldForSearch('иван'))).toBe(true)
    expect(foldForSearch('Иван')).toBe('иван')
    // Not transliterated: a Latin search does not find a Cyrillic name.
    expect(foldForSearch('Иван').includes('ivan')).toBe(false)
  })

  it('is the same folding for a query and for what it searches', () => {
    expect(foldForSearch('ĐURIĆ')).toBe(foldForSearch('đurić'))
    expect(foldForSearch('ØSTERGAARD')).toBe('ostergaard')
  })
})

describe('organisationKey', () => {
  it('folds the name like the search, punctuation to single spaces, with the country', () => {
    expect(organisationKey('  Østergaard  ApS ', 'dk')).toBe('DK|ostergaard aps')
    expect(organisationKey('Grad Đakovo', 'HR')).toBe(organisationKey('GRAD DAKOVO', 'HR'))
    expect(organisationKey('Kunst-Straße e.V.', 'DE')).toBe('DE|kunst strasse e v')
    expect(organisationKey('Kunstraße', 'DE')).not.toBe(organisationKey('Kunstraße', 'AT'))
  })
})
