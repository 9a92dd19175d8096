/**
 * Accented variants offered on long-press and on the "áé" panel. Together with the letters of the
 * Latin, Greek and Cyrillic layouts they cover every letter of the 24 official EU languages
 * (`diacritics.test.ts` lists them language by language).
 */
const LOWER_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  // Latin
  a: ['à', 'á', 'â', 'ä', 'ã', 'å', 'ą', 'ā', 'ă', 'æ'],
  c: ['ç', 'ć', 'č', 'ċ'],
  d: ['ď', 'đ'],
  e: ['è', 'é', 'ê', 'ë', 'ę', 'ě', 'ė', 'ē'],
  g: ['ġ', 'ģ', 'ğ'],
  h: ['ħ'],
  i: ['ì', 'í', 'î', 'ï', 'ī', 'į', 'ı'],
  k: ['ķ'],
  l: ['ł', 'ĺ', 'ľ', 'ļ'],
  n: ['ñ', 'ń', 'ň', 'ņ'],
  o: ['ò', 'ó', 'ô', 'ö', 'õ', 'ő', 'ø', 'œ'],
  r: ['ř', 'ŕ'],
  s: ['ś', 'š', 'ş', 'ș', 'ß'],
  t: ['ť', 'ţ', 'ț'],
  u: ['ù', 'ú', 'û', 'ü', 'ű', 'ů', 'ū', 'ų'],
  y: ['ý', 'ÿ'],
  z: ['ź', 'ż', 'ž'],
  // Greek: tonos and dialytika
  α: ['ά'],
  ε: ['έ'],
  η: ['ή'],
  ι: ['ί', 'ϊ', 'ΐ'],
  ο: ['ό'],
  υ: ['ύ', 'ϋ', 'ΰ'],
  ω: ['ώ'],
  σ: ['ς'],
  // Bulgarian: the grave-accented и that tells "ѝ" (her) from "и" (and)
  и: ['ѝ'],
  // Punctuation that some languages need (Spanish ¡ ¿, typographic apostrophes, dashes, quotes)
  '!': ['¡'],
  '?': ['¿'],
  "'": ['’', '‘'],
  '-': ['–', '—'],
  '"': ['«', '»', '„', '“', '”'],
}

/** Upper case of one character, kept to one character (ß → ẞ, no capital final sigma). */
export function upperOf(char: string): string {
  if (char === 'ß') return 'ẞ'
  if (char === 'ı') return 'İ'
  if (char === 'ς' || char === 'ΐ' || char === 'ΰ') return char
  const upper = char.toUpperCase()
  return [...upper].length === 1 ? upper : char
}

const UPPER_VARIANTS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(LOWER_VARIANTS)
    .filter(([base]) => upperOf(base) !== base)
    .map(([base, variants]) => [
      upperOf(base),
      // Letters without a capital of their own (ς, ΐ, ΰ) stay out of the capital list.
      variants.map(upperOf).filter((upper, i) => upper !== variants[i]),
    ]),
)

/** Variants of a key's character (in the case shown on the key), or an empty list. */
export function variantsOf(char: string): readonly string[] {
  return LOWER_VARIANTS[char] ?? UPPER_VARIANTS[char] ?? []
}

/** Base characters with variants, letters first, for the "áé" panel of a script. */
export function accentGroups(
  script: 'latin' | 'greek' | 'cyrillic',
  upper: boolean,
): { base: string; variants: readonly string[] }[] {
  // Punctuation (¡ ¿ « » – …) belongs to every script's panel.
  const inScript = (base: string) => {
    if (!/\p{L}/u.test(base)) return true
    if (script === 'greek') return /\p{Script=Greek}/u.test(base)
    if (script === 'cyrillic') return /\p{Script=Cyrillic}/u.test(base)
    return /\p{Script=Latin}/u.test(base)
  }
  return Object.keys(LOWER_VARIANTS)
    .filter(inScript)
    .map((base) => {
      const shown = upper ? upperOf(base) : base
      return { base: shown, variants: variantsOf(shown) }
    })
    .filter((group) => group.variants.length > 0)
}
