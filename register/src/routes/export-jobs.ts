import { createReadStream } from 'node:fs'
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import type { ExportJobs } from '../admin/export-jobs'
import { sessionOf } from '../admin/guard'
import { signatureFilterSchema } from '../admin/signature-search'

const jobParams = z.object({ id: z.uuid() })
const fileParams = jobParams.extend({
  file: z.enum([
    'signatures.csv',
    'signatures.json',
    'audit.json',
    'signatures.csv.age',
    'signatures.json.age',
    'audit.json.age',
    'manifest.json',
    'certificates.pdf',
  ]),
})
const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  age: 'application/octet-stream',
  pdf: 'application/pdf',
}
const problems = (error: z.ZodError) => error.issues.map((issue) => issue.message).join('; ')

/**
 * `/v1/admin/exports`: an export prepared on the register (progress, cancel), then downloaded
 * file by file into one folder that `npm run cli -- verify` checks. The only way out for the
 * signatures when the register encrypts its exports.
 */
export const exportJobRoutes: FastifyPluginAsync<{ jobs: ExportJobs }> = async (app, { jobs }) => {
  app.post('/v1/admin/exports', { config: { access: 'organiser' } }, async (request, reply) => {
    const parsed = signatureFilterSchema.safeParse(request.body ?? {})
    if (!parsed.success)
      return reply.code(400).send({ error: `Bad export: ${problems(parsed.error)}` })
    const status = await jobs.startExport(parsed.data, sessionOf(request).organiserId)
    return reply.code(202).send(status)
  })

  app.get('/v1/admin/exports/:id', { config: { access: 'organiser' } }, async (request, reply) => {
    const params = jobParams.safeParse(request.params)
    const status = params.success
      ? jobs.status(params.data.id, sessionOf(request).organiserId)
      : null
    return status ?? reply.code(404).send({ error: 'No such export.' })
  })

  app.get(
    '/v1/admin/exports/:id/:file',
    { config: { access: 'organiser' } },
    async (request, reply) => {
      const params = fileParams.safeParse(request.params)
      const path = params.success
        ? jobs.file(params.data.id, sessionOf(request).organiserId, params.data.file)
        : null
      if (!params.success || !path) {
        return reply.code(404).send({ error: 'No such file in a finished export.' })
      }
      const { file } = params.data
      return reply
        .type(CONTENT_TYPES[file.slice(file.lastIndexOf('.') + 1)]!)
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(createReadStream(path))
    },
  )

  app.delete(
    '/v1/admin/exports/:id',
    { config: { access: 'organiser' } },
    async (request, reply) => {
      const params = jobParams.safeParse(request.params)
      const removed =
        params.success && (await jobs.remove(params.data.id, sessionOf(request).organiserId))
      return removed ? reply.code(204).send() : reply.code(404).send({ error: 'No such export.' })
    },
  )
}
