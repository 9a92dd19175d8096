/**
 * Every language's strings against English, in every namespace: the same keys (plural keys in the
 * language's own CLDR categories), the same placeholders, and no English sentence left behind.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../shared/settings'
import { resourcePath } from './certificates/resources'

const LOCALES = resourcePath('locales')
/** Each namespace: a folder of `<lang>.json` (the top-level files are the main one). */
const NAMESPACES = [
  '',
  ...readdirSync(LOCALES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name),
]
const PLURAL = /_(zero|one|two|few|many|other)$/
/** A value may read as in English only when it is at most one word (a name, "Total", "Region"). */
const isSentence = (text: string) =>
  (text.replace(/\{\{?[^}]*\}?\}/g, ' ').match(/\p{L}{2,}/gu) ?? []).length > 1

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

function strings(namespace: string, language: string): Map<string, string> {
  return flatten(
    JSON.parse(readFileSync(join(LOCALES, namespace, `${language}.json`), 'utf8')) as Tree,
  )
}

/** The keys a language must have: English's, with each plural key in the language's categories. */
function expectedKeys(english: Map<string, string>, language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories
  const keys = new Set<string>()
  for (const key of english.keys()) {
    if (PLURAL.test(key)) for (const c of categories) keys.add(key.replace(PLURAL, `_${c}`))
    else keys.add(key)
  }
  return [...keys].sort()
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{?\s*(\w+)[^}]*\}?\}/g)].map((m) => m[1]!).sort()

describe.each(NAMESPACES.map((ns) => [ns || 'main', ns]))('%s strings', (_, namespace) => {
  const english = strings(namespace, 'en')
  const others = LANGUAGES.filter((l) => l !== 'en')

  it.each(others)('%s has exactly the keys of English, in its own plural forms', (language) => {
    expect([...strings(namespace, language).keys()].sort()).toEqual(expectedKeys(english, language))
  })

  it.each(others)('%s keeps the placeholders of English', (language) => {
    for (const [key, value] of strings(namespace, language)) {
      const base = PLURAL.test(key) ? key.replace(PLURAL, '_other') : key
      const want = placeholders(english.get(base) ?? '')
      const own = placeholders(value)
      // A plural form may name the count where English's "one" form spells it out.
      if (PLURAL.test(key))
        expect(
          own.filter((p) => p !== 'count'),
          `${language} ${key}`,
        ).toEqual(want.filter((p) => p !== 'count'))
      else expect(own, `${language} ${key}`).toEqual(want)
    }
  })

  it.each(others)('%s leaves no English sentence untranslated', (language) => {
    const left = [...strings(namespace, language)].filter(
      ([key, value]) => value === english.get(key) && isSentence(value),
    )
    expect(left, language).toEqual([])
  })
})

it('ships a file for every official language in every namespace', () => {
  for (const namespace of NAMESPACES) {
    const files = readdirSync(join(LOCALES, namespace)).filter((f) => f.endsWith('.json'))
    expect(files.map((f) => f.replace('.json', '')).sort(), namespace || 'main').toEqual(
      [...LANGUAGES].sort(),
    )
  }
})
