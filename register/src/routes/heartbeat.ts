import type { FastifyPluginAsync } from 'fastify'
import { HEARTBEAT_PATH, heartbeatSchema } from '../../../electron/shared/register-protocol'
import type { Db } from '../db/db'
import { recordHeartbeat } from '../heartbeats'
import { kioskForToken } from '../tokens'

/** `POST /v1/heartbeat`: a kiosk's pending count and app version, with its own token. */
export const heartbeatRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.post(HEARTBEAT_PATH, async (request, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
    const kioskId = match?.[1] ? await kioskForToken(db, match[1]) : null
    if (!kioskId) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="register"')
        .send({ error: 'Missing, unknown or revoked kiosk token.' })
    }
    const parsed = heartbeatSchema.safeParse(request.body)
    if (!parsed.success) {
      const problems = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`)
      return reply.code(400).send({ error: `Malformed heartbeat: ${problems.join('; ')}` })
    }
    if (parsed.data.kioskId !== kioskId) {
      return reply.code(403).send({
        error: `This token belongs to kiosk ${kioskId}, not ${parsed.data.kioskId}.`,
      })
    }
    await recordHeartbeat(db, parsed.data)
    return reply.code(204).send()
  })
}
