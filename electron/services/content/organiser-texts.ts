import { readFile } from 'node:fs/promises'
import type {
  OrganiserText,
  OrganiserTextName,
  OrganiserTextStatus,
} from '../../shared/organiser-texts'
import { ORGANISER_TEXTS } from '../../shared/organiser-texts'
import type { Language } from '../../shared/settings'
import { resourcePath } from '../certificates/resources'

const FALLBACK: Language = 'en'

/**
 * The organisers' texts, read from disk on every call (they are small): replacing a file on an
 * installed kiosk changes what the next visitor reads, without a rebuild or a restart.
 */
export class OrganiserTexts {
  constructor(private readonly folder: string = resourcePath('content')) {}

  /** The text in `language`, or in English where that language has no file. */
  async read(name: OrganiserTextName, language: Language): Promise<OrganiserText> {
    const own = await this.file(name, language)
    if (own !== null) return { name, language, text: own }
    const fallback = await this.file(name, FALLBACK)
    if (fallback === null)
      throw new Error(`The organisers' ${name} text is missing (${name}.en.md)`)
    return { name, language: FALLBACK, text: fallback }
  }

  /** For the staff dashboard: every text a language of the event lacks. */
  async status(languages: readonly Language[]): Promise<OrganiserTextStatus> {
    const missing: OrganiserTextStatus['missing'] = []
    for (const language of languages) {
      for (const name of ORGANISER_TEXTS) {
        if ((await this.file(name, language)) === null) missing.push({ name, language })
      }
    }
    return { missing }
  }

  private async file(name: OrganiserTextName, language: Language): Promise<string | null> {
    try {
      const text = await readFile(`${this.folder}/${name}.${language}.md`, 'utf8')
      return text.trim() === '' ? null : text
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }
}
