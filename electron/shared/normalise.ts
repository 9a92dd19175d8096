/** Text clean-up shared by the kiosk and the register, so both compare signatories the same way. */

/** Trims, folds inner white space and composes to NFC: what a person typed, tidied. */
export function tidyText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Emails compare lowercased and trimmed. */
export function normaliseEmail(email: string): string {
  return tidyText(email).toLowerCase()
}

/**
 * Letters of EU languages that NFKD leaves whole (they are letters of their own, not a letter
 * with a mark), written as a reader without them would type them. Lower case only: the text is
 * lowercased first. Transliteration packages were no fit: remove-accents folds ß to "s" and has
 * no Greek, any-ascii and transliteration turn Greek and Cyrillic into Latin.
 */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  đ: 'd', // Croatian Đurić
  ð: 'd', // Icelandic, Faroese
  ø: 'o', // Danish Østergaard
  æ: 'ae', // Danish Ærø
  œ: 'oe', // French Œuvre
  ß: 'ss', // German Straße (capital ẞ lowercases to ß)
  ħ: 'h', // Maltese Ħal
  ł: 'l', // Polish Łódź
  ı: 'i', // dotless i
  þ: 'th', // Icelandic Þór
}
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'gu')

/**
 * The one folding for search and duplicate keys: compatibility-decomposed (NFKD), without marks,
 * lowercased, and the letters NFKD does not decompose written plainly, so "duric" finds Đurić,
 * "ostergaard" Østergaard and "ile de france" Île-de-France. Greek and Cyrillic stay themselves
 * (lowercase, without accents: "ελενη" finds Ελένη). Used by the staff table's search, the
 * visitor's country picker and `organisationKey` (kiosk and register alike).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter] ?? letter)
}

/**
 * One organisation signing at several kiosks: the same name (folded as `foldForSearch`, any run
 * of punctuation or space as one space) in the same country. Stored keys made before the
 * undecomposed letters were folded are recomputed (kiosk schema v6, register migration 004).
 */
export function organisationKey(name: string, country: string): string {
  const folded = foldForSearch(tidyText(name))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return `${country.toUpperCase()}|${folded}`
}
