import type { TFunction } from 'i18next'
import { ApiError, type ErrorParams } from '@shared/api-error'
import { i18next } from '../i18n'

/** Params that are themselves codes (`problem: 'disk-full'`) are translated before they are interpolated. */
const CODED_PARAMS: Record<string, string> = { problem: 'errors.problems', job: 'errors.jobs' }

function translatedParams(params: ErrorParams | undefined, t: TFunction): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(params ?? {})) {
    const group = CODED_PARAMS[name]
    out[name] = group ? t(`${group}.${value}`) : value
  }
  return out
}

/**
 * What staff should read for a failure, in the screen's language: `errors.<reason>`, else
 * `errors.<code>`, with the error's params. Anything that is not an ApiError (the browser's
 * storage, a bug) has no code: its own text is shown inside a translated frame.
 */
export function failureMessage(error: unknown, t: TFunction = i18next.t): string {
  if (!(error instanceof ApiError)) {
    return t('errors.unexpected', {
      detail: error instanceof Error ? error.message : String(error),
    })
  }
  const keys = [...(error.reason ? [`errors.${error.reason}`] : []), `errors.${error.code}`]
  return t(keys, translatedParams(error.params, t))
}
