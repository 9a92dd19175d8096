import { timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/db'
import { sessionFor, type Session } from './sessions'

/** Who may call an admin route: anyone (login only), any organiser, or admins only. */
export type AdminAccess = 'public' | 'organiser' | 'admin'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /v1/admin route: checked by the admin guard. */
    access?: AdminAccess
  }
}

export const SESSION_COOKIE = 'ck_session'
export const CSRF_HEADER = 'x-csrf-token'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const sessions = new WeakMap<FastifyRequest, Session>()

/** The session the guard let through; only inside a route that is not public. */
export function sessionOf(request: FastifyRequest): Session {
  const session = sessions.get(request)
  if (!session) throw new Error('admin route reached without a session')
  return session
}

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false
  const a = Buffer.from(sent, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The one place where /v1/admin access is decided, before any body is read: a live session
 * (401 otherwise; a kiosk token is not one), the CSRF token of that session on every request that
 * changes something (403), and the admin role where the route asks for it (403).
 */
export function adminGuard(db: Db) {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    const access = request.routeOptions.config.access
    if (access === 'public') return
    if (access === undefined) {
      throw new Error(`admin route ${request.method} ${request.url} declares no access`)
    }
    const cookie = request.cookies[SESSION_COOKIE]
    const session = cookie ? await sessionFor(db, cookie) : null
    if (!session) {
      return reply.code(401).send({ error: 'Log in to the console first (POST /v1/admin/login).' })
    }
    if (
      !SAFE_METHODS.has(request.method) &&
      !sameToken(request.headers[CSRF_HEADER], session.csrfToken)
    ) {
      return reply
        .code(403)
        .send({ error: `Missing or wrong ${CSRF_HEADER} header: reload the console and retry.` })
    }
    if (access === 'admin' && session.role !== 'admin') {
      return reply.code(403).send({ error: 'Only an admin may do this.' })
    }
    sessions.set(request, session)
  }
}
