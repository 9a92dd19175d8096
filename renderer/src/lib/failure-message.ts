import { ApiError } from '@shared/api-error'

/** What staff should read for a failure: the host's sentence without the method name. */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return error instanceof ApiError ? message.replace(/^[A-Za-z]+: /, '') : message
}
