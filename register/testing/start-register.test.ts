import { afterEach, expect, it } from 'vitest'
import { batchResponseSchema, statsSchema } from '../../electron/shared/register-protocol'
import { sampleBatch, sampleRecords } from './batches-fixtures'
import { httpRequest } from './http'
import { startRegister, type RegisterProcess } from './start-register'

const started: RegisterProcess[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.dispose()))
})

function send(register: RegisterProcess, body: unknown, kiosk = 'B01') {
  return httpRequest(`${register.url}/v1/batches`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${register.tokens[kiosk] ?? 'none'}`,
    },
    body: JSON.stringify(body),
  })
}

// Starts the register process four times: generous, for busy machines.
it(
  'runs the real register on loopback, keeps data across a restart and re-keys a kiosk',
  { timeout: 120_000 },
  async () => {
    const register = await startRegister({ failBatches: 1 })
    started.push(register)
    expect(register.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    const health = await httpRequest(`${register.url}/v1/health`)
    expect(JSON.parse(health.text)).toMatchObject({ status: 'ok' })

    const batch = sampleBatch(sampleRecords(3))
    expect((await send(register, batch)).status).toBe(500)
    const accepted = await send(register, batch)
    expect(accepted.status).toBe(200)
    expect(batchResponseSchema.parse(JSON.parse(accepted.text)).results).toHaveLength(3)

    // Register down: connections are refused, then it comes back with its data.
    await register.stop()
    await expect(httpRequest(`${register.url}/v1/health`)).rejects.toThrow(/ECONNREFUSED/)
    await register.start()
    const stats = statsSchema.parse(
      JSON.parse((await httpRequest(`${register.url}/v1/stats`)).text),
    )
    expect(stats.total).toBe(3)
    // The same batch after the restart: the stored answer, byte for byte.
    expect((await send(register, batch)).text).toBe(accepted.text)

    const old = register.tokens.B01
    await register.revokeTokens('B01')
    expect((await send(register, { ...batch, records: [] }, 'B01')).status).toBe(401)
    const fresh = await register.createToken('B01')
    expect(fresh).not.toBe(old)
    expect((await send(register, sampleBatch(sampleRecords(1, 10)))).status).toBe(200)
  },
)
