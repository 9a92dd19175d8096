/**
 * The one accessor of the host API. In Electron it calls `window.kiosk` (preload, IPC); on the
 * web host it POSTs to `/api/<method>` with the per-launch secret. No other renderer code knows
 * which transport is in use.
 */
import { METHOD_NAMES, type KioskApi, type KioskBridge, type MethodName } from '@shared/api'
import { ApiError, type ApiResult } from '@shared/api-error'
import { fromWire, toWire } from '@shared/wire'

const SECRET_KEY = 'kiosk-host-secret'

/**
 * The per-launch secret, kept for this tab. It comes from the URL fragment: `#k=<secret>` as the
 * host prints it, or `#c=<code>` from a browser the host started itself (a command line is
 * readable by every local account, so it carries only a one-time code, exchanged here once).
 * Either is removed from the address at once.
 */
async function hostSecret(): Promise<string> {
  const fragment = new URLSearchParams(window.location.hash.slice(1))
  const given = fragment.get('k')
  const code = fragment.get('c')
  if (given || code) history.replaceState(null, '', window.location.pathname)
  if (given) {
    sessionStorage.setItem(SECRET_KEY, given)
    return given
  }
  if (code) {
    const secret = await exchangeCode(code)
    if (secret) sessionStorage.setItem(SECRET_KEY, secret)
    return secret ?? ''
  }
  return sessionStorage.getItem(SECRET_KEY) ?? ''
}

async function exchangeCode(code: string): Promise<string | null> {
  try {
    const response = await fetch('/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    })
    const answer = fromWire(await response.text()) as ApiResult<{ secret?: unknown }>
    return answer.ok && typeof answer.value.secret === 'string' ? answer.value.secret : null
  } catch {
    return null
  }
}

function httpTransport(): (name: MethodName, input: unknown) => Promise<ApiResult<unknown>> {
  const secret = hostSecret()
  return async (name, input) => {
    let response: Response
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await secret}` },
        body: toWire({ input }),
      })
    } catch {
      const error = new ApiError('unavailable', 'The kiosk host is not answering', {
        reason: 'host-unreachable',
      })
      return { ok: false, error: error.toShape() }
    }
    const text = await response.text()
    try {
      return fromWire(text) as ApiResult<unknown>
    } catch {
      const error = new ApiError('internal', `Host answered ${response.status}`, {
        reason: 'host-answer',
        params: { status: response.status },
      })
      return { ok: false, error: error.toShape() }
    }
  }
}

function bridgeTransport(bridge: KioskBridge) {
  return (name: MethodName, input: unknown) =>
    (bridge[name] as (input?: unknown) => Promise<ApiResult<unknown>>)(input)
}

function createApi(): KioskApi {
  const send = window.kiosk ? bridgeTransport(window.kiosk) : httpTransport()
  const api = {} as Record<MethodName, (input?: unknown) => Promise<unknown>>
  for (const name of METHOD_NAMES) {
    api[name] = async (input?: unknown) => {
      const result = await send(name, input)
      if (!result.ok) throw ApiError.fromShape(result.error)
      return result.value
    }
  }
  return api as KioskApi
}

export const api: KioskApi = createApi()
