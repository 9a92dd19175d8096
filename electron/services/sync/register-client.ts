/**
 * The kiosk's side of the central register protocol: holds the register URL and token from
 * settings (the token never leaves the main process), checks health, sends a batch and says
 * plainly what the answer means for the sync engine: accepted, retry later, or stop.
 */
import { createHash } from 'node:crypto'
import {
  HEARTBEAT_PATH,
  REGISTER_PATHS,
  batchResponseSchema,
  errorBodySchema,
  healthSchema,
  retryAfterMs,
  type BatchRequest,
  type Heartbeat,
} from '../../shared/register-protocol'
import { encodeBatchBody, type RegisterHealth, type SendBatchOutcome } from '../../shared/sync'

/** Where the client reads its configuration; the SettingsStore fits. */
export interface RegisterSettings {
  editable(): { registerUrl: string }
  secret(key: 'registerToken'): string | null
}

export interface RegisterClientOptions {
  /** How long one batch request may take before it counts as lost; default 30 s. */
  sendTimeoutMs?: number
  /** How long a health check may take; default 5 s. */
  healthTimeoutMs?: number
  /** Longest Retry-After honoured as given; a longer one is cut to this (default 1 h). */
  maxRetryAfterMs?: number
  /** For tests: a clock. */
  now?: () => number
}

const DEFAULTS = { sendTimeoutMs: 30_000, healthTimeoutMs: 5_000, maxRetryAfterMs: 3_600_000 }

/** Longest register error text passed on to staff, so a misbehaving server cannot flood the UI. */
const MAX_REASON = 300

/** Talks to the register named in settings. Stateless: every call reads the current settings. */
export class RegisterClient {
  private readonly options: Required<Omit<RegisterClientOptions, 'now'>>
  private readonly now: () => number

  constructor(
    private readonly settings: RegisterSettings,
    options: RegisterClientOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...stripUndefined(options) }
    this.now = options.now ?? Date.now
  }

  /** `GET /v1/health`: whether the register answers now (the engine sends only when it does). */
  async health(): Promise<RegisterHealth> {
    const config = this.config()
    if ('reason' in config) return { state: 'not-configured', reason: config.reason }
    let response: Response
    try {
      response = await fetch(endpoint(config.url, REGISTER_PATHS.health), {
        headers: { accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.healthTimeoutMs),
      })
    } catch (error) {
      return {
        state: 'unreachable',
        reason: networkReason(error, config.url, this.options.healthTimeoutMs),
      }
    }
    const text = await readText(response)
    if (response.status !== 200) {
      return {
        state: 'unreachable',
        reason: `The register at ${config.url} answered ${response.status}${errorSuffix(text)}.`,
      }
    }
    const health = parseJson(text, healthSchema)
    if (!health) {
      return {
        state: 'unreachable',
        reason: `${config.url} answered, but not as the register does (a Wi-Fi login page or a wrong URL?).`,
      }
    }
    return { state: 'ok', version: health.version, credential: config.credential }
  }

  /**
   * `POST /v1/heartbeat` with the bearer token: tells the organisers' fleet view how many
   * signatures this kiosk still holds unsent. Best effort: says whether it was taken, never throws.
   */
  async heartbeat(
    beat: Omit<Heartbeat, 'sentAt'>,
  ): Promise<{ sent: true } | { sent: false; reason: string }> {
    const config = this.config()
    if ('reason' in config) return { sent: false, reason: config.reason }
    try {
      const response = await fetch(endpoint(config.url, HEARTBEAT_PATH), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${config.token}`,
        },
        body: JSON.stringify({ ...beat, sentAt: new Date(this.now()).toISOString() }),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.healthTimeoutMs),
      })
      const text = await readText(response)
      if (response.status === 204) return { sent: true }
      return {
        sent: false,
        reason: `The register answered the heartbeat ${response.status}${errorSuffix(text)}.`,
      }
    } catch (error) {
      return {
        sent: false,
        reason: networkReason(error, config.url, this.options.healthTimeoutMs),
      }
    }
  }

  /**
   * `POST /v1/batches` with the bearer token. The body is the validated request encoded with
   * `encodeBatchBody`, i.e. the very bytes the renderer stored for this batch.
   */
  async sendBatch(batch: BatchRequest): Promise<SendBatchOutcome> {
    const config = this.config()
    if ('reason' in config) return { kind: 'not-configured', reason: config.reason }
    const body = encodeBatchBody(batch)
    let response: Response
    let text: string
    try {
      response = await fetch(endpoint(config.url, REGISTER_PATHS.batches), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${config.token}`,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.sendTimeoutMs),
      })
      // The answer counts only once it is read whole: a connection lost mid-answer is a retry.
      text = await response.text()
    } catch (error) {
      return {
        kind: 'retry',
        status: null,
        retryAfterMs: null,
        reason: networkReason(error, config.url, this.options.sendTimeoutMs),
      }
    }
    return this.classify(batch, response, text, config)
  }

  private classify(
    batch: BatchRequest,
    response: Response,
    text: string,
    config: Configured,
  ): SendBatchOutcome {
    const status = response.status
    const stop = (reason: string): SendBatchOutcome => ({
      kind: 'stop',
      status,
      reason,
      credential: config.credential,
    })
    if (status === 200) {
      const answer = parseJson(text, batchResponseSchema)
      if (!answer) {
        // A captive portal or a proxy answers 200 with its own page: nothing was registered
        // that a retry of the same batch could duplicate, so try again later.
        return {
          kind: 'retry',
          status,
          retryAfterMs: null,
          reason: `The register's answer was not understood (a Wi-Fi login page or a proxy in the way?).`,
        }
      }
      const problem = mismatch(batch, answer)
      if (problem) return stop(`The register's answer does not match the batch: ${problem}.`)
      return { kind: 'accepted', response: answer }
    }
    const said = errorSuffix(text)
    if (status === 429 || status === 503 || status >= 500) {
      const wait = retryAfterMs(response.headers.get('retry-after'), this.now())
      return {
        kind: 'retry',
        status,
        retryAfterMs: wait === null ? null : Math.min(wait, this.options.maxRetryAfterMs),
        reason:
          status === 429
            ? `The register is busy (429, too many batches)${said}.`
            : `The register had a problem (${status})${said}.`,
      }
    }
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location')
      return stop(
        `The register URL redirects (${status})${location ? ` to ${location}` : ''}: enter the register's exact URL in settings.`,
      )
    }
    switch (status) {
      case 401:
        return stop(
          `The register refused this kiosk's token (401)${said}. Ask the organisers for a new token and enter it in settings.`,
        )
      case 403:
        return stop(
          `The register refused this kiosk (403)${said}. Check the kiosk id and the token in settings.`,
        )
      case 409:
        return stop(`The register already has this batch with different content (409)${said}.`)
      case 413:
        return stop(`The register says the batch is too large (413)${said}.`)
      case 400:
        return stop(`The register could not read the batch (400)${said}.`)
      default:
        return stop(`The register refused the batch (${status})${said}.`)
    }
  }

  private config(): Configured | { reason: string } {
    const url = this.settings.editable().registerUrl.replace(/\/+$/, '')
    const token = this.settings.secret('registerToken')
    if (!url) return { reason: 'No register URL is set in settings.' }
    if (!token) return { reason: 'No register token is set in settings.' }
    return { url, token, credential: fingerprint(url, token) }
  }
}

interface Configured {
  url: string
  token: string
  credential: string
}

/**
 * A short fingerprint of URL and token. 12 hex digits of SHA-256 of a 256-bit random token say
 * nothing usable about the token, yet change whenever staff enter a new one.
 */
function fingerprint(url: string, token: string): string {
  return createHash('sha256').update(`${url}\n${token}`).digest('hex').slice(0, 12)
}

function endpoint(base: string, path: string): string {
  return `${base}${path}`
}

async function readText(response: Response): Promise<string> {
  try {
    return await response.text()
  } catch {
    return ''
  }
}

function parseJson<T>(
  text: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T | null {
  try {
    const result = schema.safeParse(JSON.parse(text))
    return result.success ? result.data : null
  } catch {
    return null
  }
}

/** `: <the register's error message>` when it sent one, for staff to read. */
function errorSuffix(text: string): string {
  const body = parseJson(text, errorBodySchema)
  if (!body) return ''
  const message = body.error.trim()
  return message
    ? `: ${message.length > MAX_REASON ? `${message.slice(0, MAX_REASON)}…` : message}`
    : ''
}

/** Why the answer cannot belong to this batch, or null when it does. */
function mismatch(
  batch: BatchRequest,
  answer: { batchId: string; results: unknown[]; withdrawals: unknown[] },
): string | null {
  if (answer.batchId !== batch.batchId) return `batch id ${answer.batchId}`
  if (answer.results.length !== batch.records.length) {
    return `${answer.results.length} results for ${batch.records.length} records`
  }
  if (answer.withdrawals.length !== batch.withdrawals.length) {
    return `${answer.withdrawals.length} withdrawal results for ${batch.withdrawals.length} withdrawals`
  }
  return null
}

/** A sentence for staff from a fetch failure: refused, timed out, name not found, cut off. */
function networkReason(error: unknown, url: string, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    const wait = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`
    return `The register at ${url} did not answer within ${wait}.`
  }
  const code = errorCode(error)
  switch (code) {
    case 'ECONNREFUSED':
      return `The register at ${url} is not accepting connections (it may be down).`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The register's address ${url} cannot be found (no internet, or a wrong URL).`
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return `The connection to the register was lost before its answer arrived.`
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `The network to the register at ${url} is down.`
    default:
      return `The register at ${url} could not be reached${code ? ` (${code})` : ''}.`
  }
}

function errorCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code
    e = typeof e === 'object' && 'cause' in e ? e.cause : null
  }
  return null
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
