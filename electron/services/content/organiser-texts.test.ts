import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../shared/settings'
import { useTempDirs } from '../testing/temp-dir'
import { OrganiserTexts } from './organiser-texts'

const tempDir = useTempDirs()

async function contentFolder(files: Record<string, string>): Promise<string> {
  const folder = join(await tempDir(), 'content')
  await mkdir(folder)
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text)
  return folder
}

describe('the organisers’ texts', () => {
  it('are read at the time they are asked for: a replaced file shows at once', async () => {
    const folder = await contentFolder({ 'declaration.en.md': 'Old', 'declaration.de.md': 'Alt' })
    const texts = new OrganiserTexts(folder)
    expect(await texts.read('declaration', 'de')).toEqual({
      name: 'declaration',
      language: 'de',
      text: 'Alt',
    })
    await writeFile(join(folder, 'declaration.de.md'), 'Neue Erklärung')
    expect((await texts.read('declaration', 'de')).text).toBe('Neue Erklärung')
  })

  it('fall back to English where a language has no file (or an empty one), and say so', async () => {
    const folder = await contentFolder({
      'declaration.en.md': 'Declaration',
      'privacy.en.md': 'Privacy',
      'privacy.fr.md': '  \n',
    })
    const texts = new OrganiserTexts(folder)
    expect(await texts.read('privacy', 'fr')).toEqual({
      name: 'privacy',
      language: 'en',
      text: 'Privacy',
    })
    expect(await texts.status(['en', 'fr'])).toEqual({
      missing: [
        { name: 'declaration', language: 'fr' },
        { name: 'privacy', language: 'fr' },
      ],
    })
  })

  it('refuse plainly when even the English text is missing', async () => {
    const texts = new OrganiserTexts(await contentFolder({}))
    await expect(texts.read('declaration', 'de')).rejects.toThrow(/declaration\.en\.md/)
  })

  it('ship every text in every official language', async () => {
    const status = await new OrganiserTexts().status(LANGUAGES)
    expect(status.missing).toEqual([])
  })
})
