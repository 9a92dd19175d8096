import type { Script } from './layouts'

/** Accessible names and visible captions of the keyboard's own keys, per language. */
export interface KeyboardLabels {
  keyboard: string
  shift: string
  capsLock: string
  backspace: string
  space: string
  hide: string
  /** Enter's caption when it moves on to the next field, and its fuller accessible name. */
  next: string
  nextField: string
  done: string
  newLine: string
  symbols: string
  letters: string
  accents: string
  /** Name of the script key, by the script it switches to. */
  switchTo: Record<Script, string>
  /** Name of the long-press popup; `{letter}` is replaced by the key's letter. */
  variantsOf: string
  close: string
}

const en: KeyboardLabels = {
  keyboard: 'On-screen keyboard',
  shift: 'Shift',
  capsLock: 'Caps lock',
  backspace: 'Backspace',
  space: 'Space',
  hide: 'Hide keyboard',
  next: 'Next',
  nextField: 'Next field',
  done: 'Done',
  newLine: 'New line',
  symbols: 'Numbers and symbols',
  letters: 'Letters',
  accents: 'Accented letters',
  switchTo: { latin: 'Latin letters', greek: 'Greek letters', cyrillic: 'Cyrillic letters' },
  variantsOf: 'Accents for {letter}',
  close: 'Close',
}

const fr: KeyboardLabels = {
  keyboard: 'Clavier à l’écran',
  shift: 'Majuscule',
  capsLock: 'Verrouillage des majuscules',
  backspace: 'Retour arrière',
  space: 'Espace',
  hide: 'Masquer le clavier',
  next: 'Suivant',
  nextField: 'Champ suivant',
  done: 'Terminé',
  newLine: 'Nouvelle ligne',
  symbols: 'Chiffres et symboles',
  letters: 'Lettres',
  accents: 'Lettres accentuées',
  switchTo: {
    latin: 'Lettres latines',
    greek: 'Lettres grecques',
    cyrillic: 'Lettres cyrilliques',
  },
  variantsOf: 'Accents pour {letter}',
  close: 'Fermer',
}

const de: KeyboardLabels = {
  keyboard: 'Bildschirmtastatur',
  shift: 'Umschalt',
  capsLock: 'Feststelltaste',
  backspace: 'Rücktaste',
  space: 'Leertaste',
  hide: 'Tastatur ausblenden',
  // Not "Weiter": that is the flow's own Continue button, and two "Weiter" would confuse.
  next: 'Nächstes',
  nextField: 'Nächstes Feld',
  done: 'Fertig',
  newLine: 'Neue Zeile',
  symbols: 'Ziffern und Symbole',
  letters: 'Buchstaben',
  accents: 'Buchstaben mit Akzent',
  switchTo: {
    latin: 'Lateinische Buchstaben',
    greek: 'Griechische Buchstaben',
    cyrillic: 'Kyrillische Buchstaben',
  },
  variantsOf: 'Akzente für {letter}',
  close: 'Schließen',
}

const LABELS: Readonly<Record<string, KeyboardLabels>> = { en, fr, de }

/** The keyboard's labels in the visitor's language, English where there is no translation. */
export function labelsFor(language: string): KeyboardLabels {
  return LABELS[language.toLowerCase().split(/[-_]/)[0] ?? ''] ?? en
}

/** What the script key shows: the first letters of the script it switches to. */
export const SCRIPT_CAPTION: Record<Script, string> = {
  latin: 'ABC',
  greek: 'ΑΒΓ',
  cyrillic: 'АБВ',
}
