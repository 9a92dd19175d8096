import { accentGroups, upperOf } from './diacritics'
import {
  chars,
  LATIN_BY_LANGUAGE,
  LETTERS,
  type LatinArrangement,
  type LetterRows,
} from './national-layouts'

/** The alphabets the keyboard can show; the visitor switches between them with the script key. */
export type Script = 'latin' | 'greek' | 'cyrillic'
/** Letters, numbers and symbols, or the panel with every accented letter ("áé"). */
export type Layer = 'letters' | 'symbols' | 'accents'
/** What kind of text field has focus: decides the layout (email keys, digits first for phones). */
export type FieldKind = 'text' | 'search' | 'email' | 'tel' | 'textarea'
export type Action =
  'shift' | 'backspace' | 'enter' | 'space' | 'hide' | 'symbols' | 'letters' | 'accents' | 'script'

export type KeySpec =
  | { type: 'char'; text: string; width: number }
  | { type: 'action'; action: Action; width: number }
  | { type: 'spacer'; width: number }

export interface AccentGroup {
  base: string
  variants: readonly string[]
}

export interface KeyboardLayout {
  /** Which letter arrangement this is, e.g. `qwertz` or `email-azerty` (for tests and styling). */
  id: string
  /** Every row's key widths add up to this many key units. */
  columns: number
  rows: KeySpec[][]
  /** Only on the accents layer: the accented letters, grouped by base letter. */
  accents?: AccentGroup[]
}

export interface LayoutRequest {
  /** The visitor's language (i18next code, e.g. `fr` or `fr-BE`). */
  language: string
  script: Script
  layer: Layer
  field: FieldKind
  /** Shift or caps lock: letters are shown (and typed) in upper case. */
  upper: boolean
}

/** The primary subtag of a language code: `fr-BE` → `fr`. */
function baseLanguage(language: string): string {
  return language.toLowerCase().split(/[-_]/)[0] ?? ''
}

/** The Latin arrangement a language's keyboards use (QWERTY where there is no national one). */
export function latinArrangement(language: string): LatinArrangement {
  return LATIN_BY_LANGUAGE[baseLanguage(language)] ?? 'qwerty'
}

/** The alphabet a language is written in, which the keyboard shows first. */
export function defaultScript(language: string): Script {
  const base = baseLanguage(language)
  if (base === 'el') return 'greek'
  if (base === 'bg') return 'cyrillic'
  return 'latin'
}

const SCRIPT_ORDER: readonly Script[] = ['latin', 'greek', 'cyrillic']

/** The script the script key switches to next. */
export function nextScript(script: Script): Script {
  return SCRIPT_ORDER[(SCRIPT_ORDER.indexOf(script) + 1) % SCRIPT_ORDER.length] ?? 'latin'
}

/** The layer a field opens on: phone numbers start on the digits. */
export function initialLayer(field: FieldKind): Layer {
  return field === 'tel' ? 'symbols' : 'letters'
}

const char = (text: string, width = 1): KeySpec => ({ type: 'char', text, width })
const action = (name: Action, width: number): KeySpec => ({ type: 'action', action: name, width })
const STRETCH = -1

/** Gives the row's one stretchy key (width -1) whatever is left of `columns`. */
function fill(row: KeySpec[], columns: number): KeySpec[] {
  const fixed = row.reduce((sum, key) => sum + (key.width === STRETCH ? 0 : key.width), 0)
  return row.map((key) => (key.width === STRETCH ? { ...key, width: columns - fixed } : key))
}

/** Spreads a row of characters evenly over the full width. */
function spread(texts: readonly string[], columns: number): KeySpec[] {
  return texts.map((text) => char(text, columns / texts.length))
}

const DIGITS = chars('1234567890')

function lettersFor(request: LayoutRequest): LetterRows {
  const script = request.field === 'email' ? 'latin' : request.script
  if (script !== 'latin') return LETTERS[script]
  return LETTERS[latinArrangement(request.language)]
}

/**
 * The keys to show for a language, script, layer and field, with letters already in the case
 * they will be typed in. Pure: the component renders exactly this.
 */
export function buildLayout(request: LayoutRequest): KeyboardLayout {
  const letters = lettersFor(request)
  const [top, middle, bottom] = letters.rows
  // Every layout is as wide as its longest letter row plus backspace, so switching layers never
  // resizes the keys under the visitor's finger.
  const columns = Math.max(top.length, middle.length) + 1.5
  const shown = (c: string) => (request.upper ? upperOf(c) : c)
  const email = request.field === 'email'

  const bottomRow = (layerKey: Action): KeySpec[] =>
    email
      ? [
          action(layerKey, 1.5),
          char('@', STRETCH),
          char('.', 1.25),
          char('.com', 2),
          char('.eu', 1.5),
          action('hide', 1.5),
        ]
      : [
          action(layerKey, 1.5),
          action('accents', 1.25),
          action('script', 1.25),
          action('space', STRETCH),
          action('hide', 1.5),
        ]

  if (request.layer === 'symbols') {
    const rows: KeySpec[][] = [
      [...DIGITS.map((d) => char(d)), action('backspace', STRETCH)],
      [...chars('@#€&_()":;').map((c) => char(c)), action('enter', STRETCH)],
      spread(chars("'-.,?!/+*%="), columns),
      bottomRow('letters'),
    ]
    return { id: `symbols-${letters.id}`, columns, rows: rows.map((r) => fill(r, columns)) }
  }

  if (request.layer === 'accents') {
    const script = email ? 'latin' : request.script
    const rows: KeySpec[][] = [
      [
        action('letters', 1.5),
        action('shift', 1.5),
        action('space', STRETCH),
        action('backspace', 1.5),
        action('enter', 2),
        action('hide', 1.5),
      ],
    ]
    return {
      id: `accents-${script}`,
      columns,
      rows: rows.map((r) => fill(r, columns)),
      accents: accentGroups(script, request.upper),
    }
  }

  // A shorter middle row is set in by half a key, as on a physical keyboard.
  const indent = middle.length < top.length
  const rows: KeySpec[][] = [
    [...top.map((c) => char(shown(c))), action('backspace', STRETCH)],
    [
      ...(indent ? [{ type: 'spacer', width: 0.5 } as const] : []),
      ...middle.map((c) => char(shown(c))),
      action('enter', STRETCH),
    ],
    [
      action('shift', STRETCH),
      ...bottom.map((c) => char(shown(c))),
      ...(email ? ['-', '_'] : letters.punctuation).map((c) => char(shown(c))),
    ],
    bottomRow('symbols'),
  ]
  if (email) rows.unshift(spread(DIGITS, columns))
  return {
    id: `${email ? 'email-' : ''}${letters.id}`,
    columns,
    rows: rows.map((r) => fill(r, columns)),
  }
}
