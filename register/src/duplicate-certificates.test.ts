import type { FastifyInstance } from 'fastify'
import { afterEach, expect, it } from 'vitest'
import { certificateVerificationSchema } from '../../electron/shared/register-protocol'
import { describeEachDatabase } from '../testing/databases'
import { sampleBatch, sampleRecord } from '../testing/batches-fixtures'
import { buildApp } from './app'
import { createToken } from './tokens'

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

describeEachDatabase("a duplicate's certificate", (ctx) => {
  async function registerWith(...batches: ReturnType<typeof sampleBatch>[]) {
    const token = await createToken(ctx.db(), 'B01')
    const app = await buildApp({ db: ctx.db() })
    apps.push(app)
    for (const batch of batches) {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/batches',
        headers: { authorization: `Bearer ${token}` },
        payload: batch,
      })
      expect(res.statusCode).toBe(200)
    }
    const verify = async (no: string, accept = 'application/json') => {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/certificates/${no}`,
        headers: { accept },
      })
      return { status: res.statusCode, body: res.body }
    }
    return { verify }
  }

  const first = sampleRecord(1)
  // The same person (same email) signing again at the booth gets a second certificate printed.
  const again = sampleRecord(2, { email: first.email, firstName: 'Again' })

  it('verifies, saying which number the endorsement is registered under', async () => {
    const { verify } = await registerWith(sampleBatch([first]), sampleBatch([again]))

    const res = await verify(again.certificateNo)

    expect(res.status).toBe(200)
    expect(certificateVerificationSchema.parse(JSON.parse(res.body))).toMatchObject({
      certificateNo: again.certificateNo,
      status: 'valid',
      registeredUnder: first.certificateNo,
      name: `${first.firstName} ${first.lastName}`,
    })
    const page = await verify(again.certificateNo, 'text/html')
    expect(page.body).toContain('Registered under certificate')
    expect(page.body).toContain(first.certificateNo)
  })

  it('also within one batch, and without a name where the registered signatory did not consent', async () => {
    const hidden = { ...first, consents: { ...first.consents, publishName: false } }
    const { verify } = await registerWith(sampleBatch([hidden, again]))

    const body = JSON.parse((await verify(again.certificateNo)).body) as Record<string, unknown>

    expect(body).toMatchObject({ status: 'valid', registeredUnder: first.certificateNo })
    expect(body).not.toHaveProperty('name')
    expect(JSON.stringify(body)).not.toContain('Again')
  })

  it('says withdrawn once the registered endorsement is withdrawn', async () => {
    const { verify } = await registerWith(
      sampleBatch([first]),
      sampleBatch([again]),
      sampleBatch([], {
        withdrawals: [
          {
            id: first.id,
            certificateNo: first.certificateNo,
            withdrawnAt: '2026-10-13T12:00:00.000Z',
          },
        ],
      }),
    )

    const res = await verify(again.certificateNo)

    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({
      status: 'withdrawn',
      registeredUnder: first.certificateNo,
    })
  })

  it('keeps an unknown number unknown, and a record sent twice is no duplicate of itself', async () => {
    const { verify } = await registerWith(sampleBatch([first]), sampleBatch([first]))

    expect((await verify('EWRC26-B01-999999')).status).toBe(404)
    expect(await ctx.db().query('SELECT 1 FROM duplicate_certificates')).toHaveLength(0)
  })
})
