import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { CAPACITIES, ORGANISATION_TYPES } from '../../shared/signature'
import { resourcePath } from './resources'

const line = z.string().min(1).max(600)

const certificateStringsSchema = z.object({
  dateLocale: z.string().min(2).max(20),
  hashtag: line,
  title: line,
  certifies: line,
  onBehalfOf: line,
  roleOnBehalfOf: line,
  statement: z.record(z.enum(CAPACITIES), line),
  signedAt: line,
  certificateNo: line,
  verify: line,
  partnersHeading: line,
  organisationTypes: z.record(z.enum(ORGANISATION_TYPES), line),
})

/** Every text printed on a certificate, for one language (`resources/locales/certificate/<lang>.json`). */
export type CertificateStrings = z.infer<typeof certificateStringsSchema>

export const FALLBACK_LANGUAGE = 'en'
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/

const cache = new Map<string, CertificateStrings>()

/**
 * The certificate texts for a language. A language without a file falls back to English, and a
 * file that lacks some keys gets those from English, so an organiser adding a language by dropping
 * in a partial file still gets a complete certificate.
 */
export function certificateStrings(
  language: string,
  folder = resourcePath('locales', 'certificate'),
): CertificateStrings {
  const key = `${folder}\0${language}`
  const hit = cache.get(key)
  if (hit) return hit
  const english = readStrict(folder, FALLBACK_LANGUAGE)
  let strings = english
  if (language !== FALLBACK_LANGUAGE && LANGUAGE_TAG.test(language)) {
    const own = readPartial(folder, language)
    if (own) strings = mergeOver(english, own)
  }
  cache.set(key, strings)
  return strings
}

/** Whether a language has its own certificate file (rather than falling back to English). */
export function hasCertificateStrings(
  language: string,
  folder = resourcePath('locales', 'certificate'),
): boolean {
  return (
    language === FALLBACK_LANGUAGE ||
    (LANGUAGE_TAG.test(language) && readPartial(folder, language) !== undefined)
  )
}

function readStrict(folder: string, language: string): CertificateStrings {
  const file = join(folder, `${language}.json`)
  const parsed = certificateStringsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) {
    throw new Error(
      `${file} is not a valid certificate locale file: ${z.prettifyError(parsed.error)}`,
    )
  }
  return parsed.data
}

const partialSchema = certificateStringsSchema.partial().extend({
  statement: z.partialRecord(z.enum(CAPACITIES), line).optional(),
  organisationTypes: z.partialRecord(z.enum(ORGANISATION_TYPES), line).optional(),
})
type PartialStrings = z.infer<typeof partialSchema>

function readPartial(folder: string, language: string): PartialStrings | undefined {
  let raw: string
  try {
    raw = readFileSync(join(folder, `${language}.json`), 'utf8')
  } catch {
    return undefined
  }
  // A broken translation must not stop a visitor's certificate: it prints in English instead.
  try {
    const parsed = partialSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

function mergeOver(base: CertificateStrings, own: PartialStrings): CertificateStrings {
  return {
    ...base,
    ...stripUndefined(own),
    statement: { ...base.statement, ...stripUndefined(own.statement ?? {}) },
    organisationTypes: {
      ...base.organisationTypes,
      ...stripUndefined(own.organisationTypes ?? {}),
    },
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a typo in a locale file shows. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}
