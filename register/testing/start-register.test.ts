import { afterEach, expect, it } from 'vitest'
import { batchResponseSchema, statsSchema } from '../../electron/shared/register-protocol'
import { sampleBatch, sampleRecords } from './batches-fixtures'
import { httpRequest } from './http'
import { startRegister, type RegisterProcess } from './start-register'

const started: RegisterProcess[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.dispose()))
})

function send(register: RegisterProcess, body: unknown, token = register.tokens.B01) {
  return httpRequest(`${register.url}/v1/batches`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(body),
  })
}

// Starts the register process three times: a generous timeout, for busy machines.
it(
  'runs the real register on loopback, keeps its data across restarts and re-keys a kiosk',
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

    // Register down (Ctrl+C: a clean stop that frees the data folder): connections are
    // refused. While it is down its kiosk token is revoked.
    await register.stop('SIGINT')
    expect(register.output()).toContain('Register stopped.')
    await expect(httpRequest(`${register.url}/v1/health`)).rejects.toThrow(/ECONNREFUSED/)
    const old = register.tokens.B01!
    expect(await register.revokeTokens('B01')).toBe(1)

    // It comes back with its data; the revoked token is refused.
    await register.start()
    const stats = statsSchema.parse(
      JSON.parse((await httpRequest(`${register.url}/v1/stats`)).text),
    )
    expect(stats.total).toBe(3)
    expect((await send(register, batch, old)).status).toBe(401)

    // A new token while it runs (it restarts for that), then the same batch again: the stored
    // answer, byte for byte.
    const fresh = await register.createToken('B01')
    expect(fresh).not.toBe(old)
    expect(register.running).toBe(true)
    expect((await send(register, batch, fresh)).text).toBe(accepted.text)
  },
)
