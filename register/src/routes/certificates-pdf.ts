import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import {
  writeCertificates,
  type CertificateSettings,
} from '../../../electron/services/certificates'
import { signatureFilterSchema, whereFor } from '../admin/signature-search'
import { recordsOf } from '../admin/export-stream'
import type { Db } from '../db/db'

const querySchema = signatureFilterSchema.extend({
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'language: two lower-case letters')
    .optional(),
})

/** What a certificate from the register says about the event, and where its QR code points. */
export type RegisterCertificateSettings = Omit<CertificateSettings, 'verificationBaseUrl'> & {
  /** The register's public address for the QR codes; default the address the request came to. */
  publicUrl?: string
}

/**
 * `GET /v1/admin/certificates.pdf?filters`: one PDF for a filter, rendered by the kiosk's own
 * certificate code and streamed page by page (`X-Certificates-Total` says how many are coming).
 * Closing the connection cancels it between two certificates.
 */
export const certificatePdfRoutes: FastifyPluginAsync<{
  db: Db
  settings: RegisterCertificateSettings
}> = async (app, { db, settings }) => {
  app.get(
    '/v1/admin/certificates.pdf',
    { config: { access: 'organiser' } },
    async (request, reply) => {
      const parsed = querySchema.safeParse(request.query)
      if (!parsed.success) {
        const problem = parsed.error.issues[0]
        return reply
          .code(400)
          .send({ error: `Bad filter: ${problem?.path.join('.')}: ${problem?.message}` })
      }
      const { language, ...filter } = parsed.data
      const { where, params } = whereFor(filter)
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM signatures WHERE ${where}`,
        params,
      )
      const total = row?.n ?? 0
      if (total === 0) return reply.code(404).send({ error: 'No signatures match this filter.' })

      const origin = `${request.protocol}://${request.host}`
      const certificateSettings: CertificateSettings = {
        eventName: settings.eventName,
        eventCity: settings.eventCity,
        timeZone: settings.timeZone,
        verificationBaseUrl: settings.publicUrl ?? origin,
      }
      const cancel = new AbortController()
      reply.hijack()
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished)
          cancel.abort(new Error('the organiser cancelled the download'))
      })
      reply.raw.writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="certificates.pdf"',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-certificates-total': String(total),
      })
      try {
        await writeCertificates(recordsOf(db, filter), reply.raw, certificateSettings, {
          language,
          total,
          signal: cancel.signal,
        })
      } catch (error) {
        if (!cancel.signal.aborted) request.log.error({ err: error }, 'certificates failed')
        reply.raw.destroy()
      }
    },
  )
}
