import {
  contract,
  isMethodName,
  type MethodName,
  type MethodResult,
  type ParsedInput,
} from '../shared/api'
import { ApiError, type ApiResult } from '../shared/api-error'
import type { Logger } from './logger'
import { describeIssues } from './settings-store'

/** One function per contract method, receiving its argument already validated. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodResult<M>>
}

/**
 * The one entry from any transport (IPC in Electron, HTTP on the web host): checks the method
 * exists, validates the argument with the contract's schema before the handler sees it, and
 * turns every outcome into the envelope. A bad call never throws to the transport.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
  log: Logger,
): Promise<ApiResult<unknown>> {
  if (!isMethodName(name)) {
    return {
      ok: false,
      error: { code: 'unknown-method', message: `Unknown method: ${String(name)}` },
    }
  }
  const parsed = contract[name].input.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-argument', message: `${name}: ${describeIssues(parsed.error)}` },
    }
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof ApiError) {
      return { ok: false, error: { code: error.code, message: `${name}: ${error.message}` } }
    }
    log.error({ err: error, method: name }, 'handler failed')
    return { ok: false, error: { code: 'internal', message: `${name}: internal error` } }
  }
}
