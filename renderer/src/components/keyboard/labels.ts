import { i18next } from '../../i18n'
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

/**
 * The keyboard's labels in the visitor's language, from `resources/locales/keyboard/<lang>.json`
 * (English where a language lacks one).
 */
export function labelsFor(language: string): KeyboardLabels {
  const t = i18next.getFixedT(language.toLowerCase().split(/[-_]/)[0] ?? 'en')
  const label = (key: string) => t(`keyboard.${key}`)
  return {
    keyboard: label('keyboard'),
    shift: label('shift'),
    capsLock: label('capsLock'),
    backspace: label('backspace'),
    space: label('space'),
    hide: label('hide'),
    next: label('next'),
    nextField: label('nextField'),
    done: label('done'),
    newLine: label('newLine'),
    symbols: label('symbols'),
    letters: label('letters'),
    accents: label('accents'),
    switchTo: {
      latin: label('switchTo.latin'),
      greek: label('switchTo.greek'),
      cyrillic: label('switchTo.cyrillic'),
    },
    // The popup's name is filled in per letter by the keyboard.
    variantsOf: t('keyboard.variantsOf', { letter: '{letter}' }),
    close: label('close'),
  }
}

/** What the script key shows: the first letters of the script it switches to. */
export const SCRIPT_CAPTION: Record<Script, string> = {
  latin: 'ABC',
  greek: 'ΑΒΓ',
  cyrillic: 'АБВ',
}
