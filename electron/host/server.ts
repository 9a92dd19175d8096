import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { ApiError, type ApiErrorReason, type ApiErrorCode } from '../shared/api-error'
import { toWire } from '../shared/wire'
import { DOWNLOAD_PATH_PREFIX } from '../shared/bulk-certificates'
import type { DownloadSource } from '../services/bulk-certificate-desk'
import { dispatch, type ServedApi } from '../services/dispatch'
import type { Logger } from '../services/logger'
import { readStaticFile } from './static-files'

export const LOOPBACK = '127.0.0.1'
const MAX_BODY_BYTES = 64 * 1024 * 1024
/** How long a launch code may wait for the browser to exchange it. */
export const LAUNCH_CODE_MS = 60_000
/** Where the page exchanges its launch code for the secret (outside /api/: no secret yet). */
export const SESSION_PATH = '/session'

export interface HostOptions {
  api: ServedApi
  /** One-time downloads (bulk certificate PDFs) served at `DOWNLOAD_PATH_PREFIX<token>`. */
  downloads?: DownloadSource
  /** The built renderer (index.html and assets). */
  rendererDir: string
  log: Logger
  port?: number
  /** Only loopback is accepted: the host must never be reachable from the venue network. */
  bindAddress?: string
  /** Per-launch secret; generated when not given. */
  secret?: string
  now?: () => number
}

export interface RunningHost {
  port: number
  secret: string
  /**
   * The URL for a test or a person to open: the secret travels in the fragment, which is never
   * sent to a server. Never put it on a command line (other accounts can read those).
   */
  url: string
  /**
   * A URL for a browser started from here: it holds a one-time code, valid once and for
   * `LAUNCH_CODE_MS`, that the page exchanges for the secret at POST /session.
   */
  launchUrl(): string
  close(): Promise<void>
}

/**
 * The web host: serves the built renderer and the contract's handlers at POST /api/<method>,
 * on 127.0.0.1 only, refusing foreign Host headers (DNS rebinding) and API calls without the
 * per-launch secret (other local pages).
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const bindAddress = options.bindAddress ?? LOOPBACK
  if (bindAddress !== LOOPBACK) {
    throw new Error(`The web host binds ${LOOPBACK} only; refusing to listen on ${bindAddress}`)
  }
  const secret = options.secret ?? randomBytes(24).toString('base64url')
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, bindAddress, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`])
  const allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`))
  const now = options.now ?? Date.now
  /** Launch codes not used yet, with the time each stops being valid. */
  const codes = new Map<string, number>()
  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log.error({ err: error }, 'web host request failed')
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error')
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden host')
    }
    const path = new URL(req.url ?? '/', `http://${LOOPBACK}`).pathname
    if (path.startsWith('/api/') || path === SESSION_PATH) {
      // A browser sends Origin with every POST; another page's origin is refused outright.
      const origin = req.headers.origin
      if (origin !== undefined && !allowedOrigins.has(origin)) {
        await discard(req)
        return refuse(
          res,
          403,
          'forbidden',
          'foreign-origin',
          'Requests from other sites are refused',
        )
      }
    }
    if (path === SESSION_PATH) return exchangeCode(req, res)
    if (path.startsWith('/api/')) return handleApi(req, res, path.slice('/api/'.length))
    if (path.startsWith(DOWNLOAD_PATH_PREFIX)) {
      return serveDownload(req, res, path.slice(DOWNLOAD_PATH_PREFIX.length))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    }
    const file = await readStaticFile(options.rendererDir, path)
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    send(res, 200, file.contentType, file.body)
  }

  /** Checks every API request shares: POST, a JSON body of bounded size. */
  async function readJsonPost(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ input: unknown } | null> {
    if (req.method !== 'POST') {
      await discard(req)
      refuse(res, 405, 'invalid-argument', 'use-post', 'Use POST')
      return null
    }
    if (!isJson(req.headers['content-type'])) {
      await discard(req)
      refuse(res, 415, 'invalid-argument', 'json-only', 'Send the body as application/json')
      return null
    }
    const body = await readBody(req)
    if (body === 'too-large') {
      refuse(res, 413, 'invalid-argument', 'too-large', 'Request too large')
      return null
    }
    try {
      return { input: body.length ? JSON.parse(body) : undefined }
    } catch {
      refuse(res, 400, 'invalid-argument', 'not-json', 'Body is not JSON')
      return null
    }
  }

  async function exchangeCode(req: IncomingMessage, res: ServerResponse) {
    const read = await readJsonPost(req, res)
    if (!read) return
    const code = isRecord(read.input) ? read.input.code : undefined
    const until = typeof code === 'string' ? codes.get(code) : undefined
    // Used once, whether it was still valid or not.
    if (typeof code === 'string') codes.delete(code)
    if (until === undefined || until < now()) {
      return refuse(
        res,
        403,
        'forbidden',
        'launch-code',
        'This launch code is unknown, used or expired',
      )
    }
    sendJson(res, 200, { ok: true, value: { secret } })
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (!hasSecret(req.headers.authorization, secret)) {
      await discard(req)
      return refuse(res, 401, 'forbidden', 'host-secret', 'Missing or wrong kiosk secret')
    }
    const read = await readJsonPost(req, res)
    if (!read) return
    const input = isRecord(read.input) ? read.input.input : undefined
    const result = await dispatch(options.api, method, input, options.log)
    const status = result.ok ? 200 : result.error.code === 'unknown-method' ? 404 : 200
    sendJson(res, status, result)
  }

  /**
   * A bulk PDF as the browser's download: chunked, straight from the writer (or the file), never
   * whole in memory. The token, handed to the kiosk page by a staff method, is the only key, as a
   * download cannot carry the secret header; it works once.
   */
  async function serveDownload(req: IncomingMessage, res: ServerResponse, token: string) {
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Use GET')
    const download = options.downloads?.take(token)
    if (!download) {
      return send(
        res,
        404,
        'text/plain; charset=utf-8',
        'This download is unknown, used or expired',
      )
    }
    securityHeaders(res)
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/pdf')
    res.setHeader('Content-Disposition', `attachment; filename="${download.fileName}"`)
    try {
      await download.send(res)
    } catch (error) {
      options.log.warn({ err: error }, 'download failed')
      if (!res.headersSent) send(res, 410, 'text/plain; charset=utf-8', 'The PDF is gone')
      else res.destroy()
    }
  }

  return {
    port,
    secret,
    url: `http://${LOOPBACK}:${port}/#k=${secret}`,
    launchUrl: () => {
      const code = randomBytes(18).toString('base64url')
      for (const [known, until] of codes) if (until < now()) codes.delete(known)
      codes.set(code, now() + LAUNCH_CODE_MS)
      return `http://${LOOPBACK}:${port}/#c=${code}`
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasSecret(header: string | undefined, secret: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '')
  const expected = Buffer.from(secret)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Reads a refused request's body to its end (up to the size limit, keeping none of it) before
 * the answer goes out, so the client gets the refusal instead of a connection closed under its
 * upload.
 */
function discard(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data')
        req.resume()
        resolve()
      }
    })
    req.on('end', () => resolve())
    req.on('error', () => resolve())
  })
}

function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data')
        req.resume()
        resolve('too-large')
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function securityHeaders(res: ServerResponse) {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer) {
  securityHeaders(res)
  res.writeHead(status, { 'Content-Type': contentType })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, 'application/json; charset=utf-8', toWire(value))
}

/** A refusal before dispatch, in the same envelope and typed error as every other answer. */
function refuse(
  res: ServerResponse,
  status: number,
  code: ApiErrorCode,
  reason: ApiErrorReason,
  message: string,
) {
  sendJson(res, status, { ok: false, error: new ApiError(code, message, { reason }).toShape() })
}
