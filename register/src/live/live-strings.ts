import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Language } from '../../../electron/shared/settings'

const LIVE_LOCALES = new URL('../../../resources/locales/live/', import.meta.url)

const fileSchema = z.object({
  live: z.object({
    title: z.string().min(1),
    byCountry: z.string().min(1),
    latest: z.string().min(1),
  }),
})

export type LiveStrings = z.infer<typeof fileSchema>['live'] & { lang: Language }

/** The big screen's headings in each language it shows in turn, from the shared locale files. */
export function readLiveStrings(languages: readonly Language[]): LiveStrings[] {
  return languages.map((lang) => {
    const text = readFileSync(new URL(`${lang}.json`, LIVE_LOCALES), 'utf8')
    return { lang, ...fileSchema.parse(JSON.parse(text)).live }
  })
}
