import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { CONSOLE_CSS, CONSOLE_HTML, CONSOLE_JS } from '../console/console-page'

const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

/** `/console/`: the organisers' page (static; it talks to /v1/admin with the session cookie). */
export const consoleRoutes: FastifyPluginAsync = async (app) => {
  const serve = (type: string, body: string) => async (_request: unknown, reply: FastifyReply) =>
    reply
      .type(type)
      .header('content-security-policy', CONSOLE_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('x-frame-options', 'DENY')
      .header('cache-control', 'no-cache')
      .send(body)
  app.get('/console', async (_request, reply) => reply.redirect('/console/'))
  app.get('/console/', serve('text/html; charset=utf-8', CONSOLE_HTML))
  app.get('/console/console.js', serve('text/javascript; charset=utf-8', CONSOLE_JS))
  app.get('/console/console.css', serve('text/css; charset=utf-8', CONSOLE_CSS))
}
