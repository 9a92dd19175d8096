import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const LOCALES = join(import.meta.dirname, '../../resources/locales')

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

/** Every string of one language as the page loads them (main file plus feature files), flat. */
export function pageStrings(language: string): Map<string, string> {
  const read = (path: string) => JSON.parse(readFileSync(join(LOCALES, path), 'utf8')) as Tree
  return flatten({
    ...read(`${language}.json`),
    ...read(`keyboard/${language}.json`),
    ...read(`sync/${language}.json`),
    ...read(`display/${language}.json`),
    ...read(`partners/${language}.json`),
  })
}

/** The visitor's strings of one language: the page's without the staff console's. */
export function visitorStrings(language: string): Map<string, string> {
  const all = pageStrings(language)
  for (const key of [...all.keys()])
    if (key.startsWith('staff.') || key.startsWith('sync.')) all.delete(key)
  return all
}

/** The certificate's strings of one language. */
export function certificateStrings(language: string): Map<string, string> {
  return flatten(
    JSON.parse(readFileSync(join(LOCALES, 'certificate', `${language}.json`), 'utf8')) as Tree,
  )
}

/**
 * English sentences of the visitor's strings that `text` still shows although `language` says
 * them differently (placeholders cut out, so "Step {{current}} of {{total}}" is looked for as
 * "Step " and " of "; only parts of two words or more count).
 */
export function englishLeftIn(
  text: string,
  language: string,
  strings: (language: string) => Map<string, string> = visitorStrings,
): string[] {
  const own = strings(language)
  const left: string[] = []
  for (const [key, english] of strings('en')) {
    // The same words, or none: a partner without an official name in the language keeps its own.
    if (own.get(key) === english || own.get(key) === '') continue
    for (const part of english.split(/\{\{[^}]*\}\}/)) {
      const words = part.trim()
      if ((words.match(/\p{L}{2,}/gu) ?? []).length > 1 && text.includes(words))
        left.push(`${key}: ${words}`)
    }
  }
  return left
}
