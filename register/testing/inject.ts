import type { FastifyInstance } from 'fastify'
import {
  batchResponseSchema,
  certificateVerificationSchema,
  type CertificateVerification,
} from '../../electron/shared/register-protocol'
import { buildApp, type RegisterAppOptions } from '../src/app'
import type { Db } from '../src/db/db'

/** A register app on `db` for `inject()`; closed by `closeAll()`. */
export function useApps() {
  const apps: FastifyInstance[] = []
  return {
    async open(db: Db, options: Partial<RegisterAppOptions> = {}): Promise<FastifyInstance> {
      const app = await buildApp({ db, ...options })
      apps.push(app)
      return app
    },
    async closeAll(): Promise<void> {
      await Promise.all(apps.splice(0).map((app) => app.close()))
    },
  }
}

/** `POST /v1/batches` with a kiosk token; a string body is sent as it is. */
export function postBatch(app: FastifyInstance, body: unknown, token: string) {
  return app.inject({
    method: 'POST',
    url: '/v1/batches',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** `POST /v1/batches` that must answer 200; returns the parsed answer. */
export async function sendBatch(app: FastifyInstance, body: unknown, token: string) {
  const res = await postBatch(app, body, token)
  if (res.statusCode !== 200) throw new Error(`batch answered ${res.statusCode}: ${res.body}`)
  return batchResponseSchema.parse(res.json())
}

/** What the public certificate page says, as JSON. */
export async function verifyJson(
  app: FastifyInstance,
  certificateNo: string,
): Promise<CertificateVerification> {
  const res = await app.inject({
    method: 'GET',
    url: `/v1/certificates/${certificateNo}`,
    headers: { accept: 'application/json' },
  })
  return certificateVerificationSchema.parse(res.json())
}

/** Signature and batch rows: what "nothing written" is checked against. */
export async function rowCounts(db: Db): Promise<{ signatures: number; batches: number }> {
  const [row] = await db.query<{ signatures: number; batches: number }>(
    `SELECT (SELECT count(*)::int FROM signatures) AS signatures,
            (SELECT count(*)::int FROM batches) AS batches`,
  )
  return { signatures: Number(row?.signatures), batches: Number(row?.batches) }
}
