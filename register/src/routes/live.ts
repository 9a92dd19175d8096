import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { ServerResponse } from 'node:http'
import type { Db } from '../db/db'
import type { Language } from '../../../electron/shared/settings'
import { readLiveSnapshot } from '../live/live-feed'
import { readLiveStrings } from '../live/live-strings'
import { LIVE_CSS, LIVE_HTML, LIVE_JS } from '../live/live-page'

const LIVE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * `/live`, the public big screen, and its feed: `/v1/live` (one snapshot, JSON) and
 * `/v1/live/stream` (server-sent events: a snapshot at once, then whenever it changes).
 */
export const liveRoutes: FastifyPluginAsync<{
  db: Db
  pollMs: number
  languages: readonly Language[]
}> = async (app, { db, pollMs, languages }) => {
  const strings = JSON.stringify(readLiveStrings(languages))
  const page = (type: string, body: string) => async (_request: unknown, reply: FastifyReply) =>
    reply
      .type(type)
      .header('content-security-policy', LIVE_CSP)
      .header('cache-control', 'no-cache')
      .send(body)
  const streams = new Set<ServerResponse>()
  // Before the server closes: an open event stream would otherwise hold it open for ever.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end()
  })
  app.get('/live', page('text/html; charset=utf-8', LIVE_HTML))
  app.get('/live/live.js', page('text/javascript; charset=utf-8', LIVE_JS))
  app.get('/live/live.css', page('text/css; charset=utf-8', LIVE_CSS))
  app.get('/live/strings.json', page('application/json; charset=utf-8', strings))

  app.get('/v1/live', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send(await readLiveSnapshot(db)),
  )

  app.get('/v1/live/stream', async (request, reply) => {
    const first = JSON.stringify(await readLiveSnapshot(db))
    reply.hijack()
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    let last = first
    reply.raw.write(`event: snapshot\ndata: ${first}\n\n`)
    let busy = false
    const timer = setInterval(() => {
      if (busy) return
      busy = true
      readLiveSnapshot(db)
        .then((snapshot) => {
          const next = JSON.stringify(snapshot)
          if (next !== last) reply.raw.write(`event: snapshot\ndata: ${next}\n\n`)
          else reply.raw.write(': still here\n\n')
          last = next
        })
        .catch((error: unknown) => request.log.warn({ err: error }, 'live feed failed'))
        .finally(() => (busy = false))
    }, pollMs)
    streams.add(reply.raw)
    reply.raw.once('close', () => {
      clearInterval(timer)
      streams.delete(reply.raw)
    })
  })
}
