import type { FastifyInstance } from 'fastify'

/** A logged-in console session for app.inject(): its cookie header and CSRF token. */
export interface ConsoleSession {
  cookie: string
  csrfToken: string
}

export async function logIn(
  app: FastifyInstance,
  name: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<ConsoleSession> {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/admin/login',
    headers,
    payload: { name, password },
  })
  if (res.statusCode !== 200) throw new Error(`login answered ${res.statusCode}: ${res.body}`)
  const cookie = res.cookies.find((c) => c.name === 'ck_session')
  if (!cookie) throw new Error('login set no session cookie')
  const { csrfToken } = res.json<{ csrfToken: string }>()
  return { cookie: `ck_session=${cookie.value}`, csrfToken }
}

/** Headers of a request in that session; `csrf: false` leaves the CSRF token out. */
export function asSession(session: ConsoleSession, csrf = true): Record<string, string> {
  return {
    cookie: session.cookie,
    ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}),
  }
}
