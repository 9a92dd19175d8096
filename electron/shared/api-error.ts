/** Error codes every transport can return. */
export type ApiErrorCode =
  | 'invalid-argument'
  | 'unknown-method'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unavailable'
  | 'internal'

export interface ApiErrorShape {
  code: ApiErrorCode
  message: string
}

/** The envelope a handler's answer travels in, over IPC and over HTTP alike. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }

/** Thrown by handlers for an expected failure the caller should see as-is; thrown again by the renderer's API accessor. */
export class ApiError extends Error implements ApiErrorShape {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}
