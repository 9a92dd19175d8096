import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { ApiError, type ApiErrorReason, type ApiErrorCode } from '../shared/api-error'
import { toWire } from '../shared/wire'
import { dispatch, type ServedApi } from '../services/dispatch'
import type { Logger } from '../services/logger'
import { readStaticFile } from './static-files'

export const LOOPBACK = '127.0.0.1'
const MAX_BODY_BYTES = 64 * 1024 * 1024

export interface HostOptions {
  api: ServedApi
  /** The built renderer (index.html and assets). */
  rendererDir: string
  log: Logger
  port?: number
  /** Only loopback is accepted: the host must never be reachable from the venue network. */
  bindAddress?: string
  /** Per-launch secret; generated when not given. */
  secret?: string
}

export interface RunningHost {
  port: number
  secret: string
  /** The URL to open: the secret travels in the fragment, which is never sent to a server. */
  url: string
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
    if (path.startsWith('/api/')) return handleApi(req, res, path.slice('/api/'.length))
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    }
    const file = await readStaticFile(options.rendererDir, path)
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    send(res, 200, file.contentType, file.body)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (!hasSecret(req.headers.authorization, secret)) {
      return refuse(res, 401, 'forbidden', 'host-secret', 'Missing or wrong kiosk secret')
    }
    if (req.method !== 'POST') {
      return refuse(res, 405, 'invalid-argument', 'use-post', 'Use POST')
    }
    const body = await readBody(req)
    if (body === 'too-large') {
      return refuse(res, 413, 'invalid-argument', 'too-large', 'Request too large')
    }
    let input: unknown
    try {
      input = body.length ? (JSON.parse(body) as { input?: unknown }).input : undefined
    } catch {
      return refuse(res, 400, 'invalid-argument', 'not-json', 'Body is not JSON')
    }
    const result = await dispatch(options.api, method, input, options.log)
    const status = result.ok ? 200 : result.error.code === 'unknown-method' ? 404 : 200
    sendJson(res, status, result)
  }

  return {
    port,
    secret,
    url: `http://${LOOPBACK}:${port}/#k=${secret}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

function hasSecret(header: string | undefined, secret: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '')
  const expected = Buffer.from(secret)
  return given.length === expected.length && timingSafeEqual(given, expected)
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
