import type { FastifyPluginAsync } from 'fastify'
import type { Health } from '../../../electron/shared/register-protocol'
import { renderCertificatePage } from '../certificate-page'
import { verifyCertificate } from '../certificates'
import type { Db } from '../db/db'
import { readStats } from '../stats'

/** The endpoints anyone may call: health, stats, certificate verification. */
export const publicRoutes: FastifyPluginAsync<{ db: Db; version: string }> = async (
  app,
  { db, version },
) => {
  app.get('/v1/health', async (_request, reply) => {
    // "ok" only when the database answers too: a kiosk starts sending on this answer.
    await db.query('SELECT 1')
    const body: Health = { status: 'ok', version }
    return reply.header('cache-control', 'no-store').send(body)
  })

  app.get('/v1/stats', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send(await readStats(db)),
  )

  app.get<{ Params: { certificateNo: string } }>(
    '/v1/certificates/:certificateNo',
    async (request, reply) => {
      const verification = await verifyCertificate(db, request.params.certificateNo)
      reply
        .code(verification.status === 'unknown' ? 404 : 200)
        .header('vary', 'Accept')
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
      if (wantsJson(request.headers.accept)) return reply.send(verification)
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(renderCertificatePage(verification))
    },
  )
}

/** JSON for API clients; the HTML page for browsers (which ask for text/html) and for anyone else. */
function wantsJson(accept: string | undefined): boolean {
  if (!accept) return false
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase())
  return types.includes('application/json') && !types.includes('text/html')
}
