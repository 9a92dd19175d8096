/**
 * The national letter arrangements, as data. To give a language its own layout: add its rows to
 * LETTERS (three rows of letters, plus the punctuation that completes the third row of a text
 * field), then map the language to it in LATIN_BY_LANGUAGE (Latin script) or, for another
 * script, add the script to `Script` in layouts.ts. `layouts.test.ts` checks every row's width.
 */
export type LatinArrangement = 'qwerty' | 'azerty' | 'qwertz' | 'qwertz-de'

export interface LetterRows {
  id: string
  rows: [string[], string[], string[]]
  /** Punctuation that completes the third row of a text field (apostrophe and hyphen for names). */
  punctuation: string[]
}

export const chars = (row: string) => [...row]

export const LETTERS: Record<LatinArrangement | 'greek' | 'cyrillic', LetterRows> = {
  qwerty: {
    id: 'qwerty',
    rows: [chars('qwertyuiop'), chars('asdfghjkl'), chars('zxcvbnm')],
    punctuation: ["'", '-', '.'],
  },
  azerty: {
    id: 'azerty',
    rows: [chars('azertyuiop'), chars('qsdfghjklm'), chars('wxcvbn')],
    punctuation: ["'", '-', '.', ','],
  },
  qwertz: {
    id: 'qwertz',
    rows: [chars('qwertzuiop'), chars('asdfghjkl'), chars('yxcvbnm')],
    punctuation: ["'", '-', '.'],
  },
  'qwertz-de': {
    id: 'qwertz',
    rows: [chars('qwertzuiopü'), chars('asdfghjklöä'), chars('yxcvbnm')],
    punctuation: ['ß', "'", '-', '.'],
  },
  greek: {
    id: 'greek',
    rows: [chars(';ςερτυθιοπ'), chars('ασδφγηξκλ'), chars('ζχψωβνμ')],
    punctuation: ["'", '-', '.'],
  },
  // Bulgarian phonetic layout: the one most Bulgarians type on.
  cyrillic: {
    id: 'bulgarian',
    rows: [chars('явертъуиопч'), chars('асдфгхйклшщ'), chars('зьцжбнмю')],
    punctuation: ["'", '-', '.'],
  },
}

export const LATIN_BY_LANGUAGE: Readonly<Record<string, LatinArrangement>> = {
  fr: 'azerty',
  de: 'qwertz-de',
  // Central European keyboards put Z on the top row too.
  cs: 'qwertz',
  sk: 'qwertz',
  hu: 'qwertz',
  hr: 'qwertz',
  sl: 'qwertz',
}
