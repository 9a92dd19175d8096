import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LANGUAGES } from '../../shared/settings'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dir'
import { resourcePath } from './resources'
import { certificateStrings, fill, hasCertificateStrings } from './strings'

const tempDir = useTempDirs()
const shipped = resourcePath('locales', 'certificate')

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('certificate strings', () => {
  it('ships English, French and German, each with every key English has', async () => {
    const files = (await readdir(shipped)).filter((f) => f.endsWith('.json')).sort()
    expect(files).toEqual(expect.arrayContaining(['de.json', 'en.json', 'fr.json']))
    const english = keys(JSON.parse(await readFile(join(shipped, 'en.json'), 'utf8'))).sort()
    for (const file of files) {
      const own = keys(JSON.parse(await readFile(join(shipped, file), 'utf8'))).sort()
      expect(own, file).toEqual(english)
    }
  })

  it('translates the visible texts', () => {
    const en = certificateStrings('en')
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      expect(hasCertificateStrings(lang), lang).toBe(true)
      const own = certificateStrings(lang)
      expect(own.title, lang).not.toBe(en.title)
      expect(own.statement.individual, lang).not.toBe(en.statement.individual)
      expect(own.signedAt, lang).toContain('{event}')
      expect(own.signedAt, lang).toContain('{date}')
    }
  })

  it('falls back to English for a language without a file, or a malformed tag', () => {
    expect(certificateStrings('tr').title).toBe('Certificate of endorsement')
    expect(certificateStrings('../../package').title).toBe('Certificate of endorsement')
    expect(hasCertificateStrings('tr')).toBe(false)
    expect(hasCertificateStrings('fr')).toBe(true)
  })

  it('takes missing keys of a partial translation from English, and ignores a broken file', async () => {
    const dir = await tempDir()
    await copyFile(join(shipped, 'en.json'), join(dir, 'en.json'))
    await writeFile(
      join(dir, 'it.json'),
      JSON.stringify({ title: 'Certificato di adesione', statement: { individual: 'ha aderito' } }),
    )
    await writeFile(join(dir, 'pt.json'), '{ not json')
    const it = certificateStrings('it', dir)
    expect(it.title).toBe('Certificato di adesione')
    expect(it.statement.individual).toBe('ha aderito')
    expect(it.statement.organisation).toBe(certificateStrings('en').statement.organisation)
    expect(it.hashtag).toBe('#CohesionAlliance')
    expect(certificateStrings('pt', dir).title).toBe('Certificate of endorsement')
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a}, {b} and {c}', { a: '1', b: '2' })).toBe('1, 2 and {c}')
  })
})
