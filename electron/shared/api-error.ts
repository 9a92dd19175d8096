import type { z } from 'zod'

/** What kind of failure, for programs (the sync engine, HTTP status): every transport can return these. */
export const API_ERROR_CODES = [
  'invalid-argument',
  'unknown-method',
  'forbidden',
  'not-found',
  'conflict',
  'unavailable',
  'internal',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/**
 * Which failure exactly, for people: the screen shows the translation `errors.<reason>` (or
 * `errors.<code>` when there is no reason) with the error's params interpolated.
 */
export const API_ERROR_REASONS = [
  'json-only',
  'launch-code',
  'foreign-origin',
  'export-unencrypted',
  'staff-locked',
  'no-pin',
  'foreign-frame',
  'host-secret',
  'host-unreachable',
  'host-answer',
  'use-post',
  'too-large',
  'not-json',
  'job-busy',
  'job-gone',
  'job-cancelled',
  'job-finishing',
  'too-many-records',
  'too-many-extras',
  'selection-extras',
  'record-wrong-day',
  'record-twice',
  'no-selection',
  'no-such-day',
  'folder-not-chosen',
  'write-failed',
  'no-certificate-texts',
  'too-many-certificates',
  'download-stopped',
  'pdf-gone',
  'pdf-printing',
  'pdf-unfinished',
  'pdf-missing',
  'no-certificates',
  'export-invalid',
] as const
export type ApiErrorReason = (typeof API_ERROR_REASONS)[number]

/** Values interpolated into a translation; plain data so they cross every transport. */
export type ErrorParams = Record<string, string | number>

/** One problem with one field of a method's argument; `field` is its dot path (`records.0.email`). */
export interface FieldIssue {
  code: 'invalid'
  field: string
  params?: ErrorParams
}

export interface ApiErrorShape {
  code: ApiErrorCode
  reason?: ApiErrorReason
  params?: ErrorParams
  /** For `invalid-argument`: which fields are wrong. */
  issues?: FieldIssue[]
  /** English, for logs and the command line. The renderer never shows or parses it. */
  message: string
}

/** The envelope a handler's answer travels in, over IPC and over HTTP alike. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }

export interface ApiErrorDetail {
  reason?: ApiErrorReason
  params?: ErrorParams
  issues?: FieldIssue[]
}

/** Thrown by handlers for an expected failure the caller should see as-is; thrown again by the renderer's API accessor. */
export class ApiError extends Error implements ApiErrorShape {
  readonly reason?: ApiErrorReason
  readonly params?: ErrorParams
  readonly issues?: FieldIssue[]

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    detail: ApiErrorDetail = {},
  ) {
    super(message)
    this.name = 'ApiError'
    if (detail.reason) this.reason = detail.reason
    if (detail.params) this.params = detail.params
    if (detail.issues) this.issues = detail.issues
  }

  /** The plain shape that crosses a transport (an Error's own fields do not survive structured clone or JSON). */
  toShape(): ApiErrorShape {
    const shape: ApiErrorShape = { code: this.code, message: this.message }
    if (this.reason) shape.reason = this.reason
    if (this.params) shape.params = this.params
    if (this.issues) shape.issues = this.issues
    return shape
  }

  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape)
  }
}

/** The limits a zod issue names (sizes, bounds, the expected type), kept as translation params. */
function issueParams(issue: z.core.$ZodIssue): ErrorParams | undefined {
  const params: ErrorParams = {}
  if ('minimum' in issue) params.min = Number(issue.minimum)
  if ('maximum' in issue) params.max = Number(issue.maximum)
  if ('expected' in issue && typeof issue.expected === 'string') params.expected = issue.expected
  return Object.keys(params).length ? params : undefined
}

/** Zod's issues as field issues: one per problem, the field as a dot path (empty for the argument itself). */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const base = issue.path.map(String)
    // An unknown key is a problem of that key, not of the object holding it.
    const fields =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...base, key]) : [base]
    return fields.map((path) => {
      const params = issueParams(issue)
      return { code: 'invalid', field: path.join('.'), ...(params ? { params } : {}) }
    })
  })
}

/** One readable English line per problem (`field: message`), for logs and the command line. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ')
}

/** A rejected argument: the English summary for logs, the field issues for the screen. */
export function invalidArgument(error: z.ZodError): ApiError {
  return new ApiError('invalid-argument', describeIssues(error), { issues: issuesOf(error) })
}
