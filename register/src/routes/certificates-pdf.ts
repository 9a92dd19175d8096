import { join } from 'node:path'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  writeCertificates,
  type CertificateSettings,
} from '../../../electron/services/certificates'
import type { ExportJobs } from '../admin/export-jobs'
import { sessionOf } from '../admin/guard'
import { signatureFilterSchema } from '../admin/signature-search'
import { recordsOf } from '../admin/export-stream'
import type { Db } from '../db/db'

const CERTIFICATES_FILE = 'certificates.pdf'

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
 * Bulk certificates from the register, rendered by the kiosk's own certificate code:
 * `GET /v1/admin/certificates.pdf?filters` streams one PDF page by page (`X-Certificates-Total`
 * says how many are coming; closing the connection cancels it between two certificates);
 * `POST /v1/admin/certificates` prepares the same PDF on the register with progress and cancel
 * (see /v1/admin/exports/{id}).
 */
export const certificatePdfRoutes: FastifyPluginAsync<{
  db: Db
  settings: RegisterCertificateSettings
  jobs: ExportJobs
}> = async (app, { db, settings, jobs }) => {
  const parse = (input: unknown) => {
    const parsed = querySchema.safeParse(input ?? {})
    if (parsed.success) return { ok: true as const, ...parsed.data }
    const problem = parsed.error.issues[0]
    return {
      ok: false as const,
      error: `Bad filter: ${problem?.path.join('.')}: ${problem?.message}`,
    }
  }
  const settingsFor = (request: FastifyRequest): CertificateSettings => ({
    eventName: settings.eventName,
    eventCity: settings.eventCity,
    timeZone: settings.timeZone,
    verificationBaseUrl: settings.publicUrl ?? `${request.protocol}://${request.host}`,
  })

  app.post(
    '/v1/admin/certificates',
    { config: { access: 'organiser' } },
    async (request, reply) => {
      const parsed = parse(request.body)
      if (!parsed.ok) return reply.code(400).send({ error: parsed.error })
      const { ok: _ok, language, ...filter } = parsed
      const total = await jobs.countOf(filter)
      const certificateSettings = settingsFor(request)
      const status = await jobs.start(sessionOf(request).organiserId, total, false, async (job) => {
        if (total === 0) return null
        await writeCertificates(
          recordsOf(db, filter),
          join(job.folder, CERTIFICATES_FILE),
          certificateSettings,
          { language, total, signal: job.signal, onProgress: job.progress },
        )
        return [CERTIFICATES_FILE]
      })
      return reply.code(202).send(status)
    },
  )

  app.get(
    '/v1/admin/certificates.pdf',
    { config: { access: 'organiser' } },
    async (request, reply) => {
      const parsed = parse(request.query)
      if (!parsed.ok) return reply.code(400).send({ error: parsed.error })
      const { ok: _ok, language, ...filter } = parsed
      const total = await jobs.countOf(filter)
      if (total === 0) return reply.code(404).send({ error: 'No signatures match this filter.' })

      const certificateSettings = settingsFor(request)
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
