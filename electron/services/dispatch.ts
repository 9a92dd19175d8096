import {
  contract,
  isMethodName,
  type Access,
  type MethodName,
  type MethodResult,
  type ParsedInput,
} from '../shared/api'
import { ApiError, invalidArgument, type ApiResult } from '../shared/api-error'
import type { Logger } from './logger'

/** One function per contract method, receiving its argument already validated. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodResult<M>>
}

/** Decides the contract's access rule for this call; throws an ApiError('forbidden') to refuse. */
export interface AccessGate {
  require(access: Access): void
}

/** What a transport serves: the handler table and the gate that guards it. */
export interface ServedApi {
  handlers: Handlers
  gate: AccessGate
}

/**
 * The one entry from any transport (IPC in Electron, HTTP on the web host): checks the method
 * exists, applies its access rule from the contract, validates the argument with the contract's
 * schema before the handler sees it, and turns every outcome into the envelope. A bad call never
 * throws to the transport.
 */
export async function dispatch(
  { handlers, gate }: ServedApi,
  name: unknown,
  input: unknown,
  log: Logger,
): Promise<ApiResult<unknown>> {
  if (!isMethodName(name)) {
    return {
      ok: false,
      error: {
        code: 'unknown-method',
        params: { method: String(name) },
        message: `Unknown method: ${String(name)}`,
      },
    }
  }
  try {
    // Access first: a caller without a session learns nothing about the argument's shape.
    gate.require(contract[name].access)
    const parsed = contract[name].input.safeParse(input)
    if (!parsed.success) throw invalidArgument(parsed.error)
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof ApiError) {
      const shape = error.toShape()
      return { ok: false, error: { ...shape, message: `${name}: ${shape.message}` } }
    }
    log.error({ err: error, method: name }, 'handler failed')
    return { ok: false, error: { code: 'internal', message: `${name}: internal error` } }
  }
}
