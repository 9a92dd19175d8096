import { describe, expect, it, vi } from 'vitest'
import { dispatch, type Handlers } from './dispatch'
import { ApiError } from '../shared/api-error'
import { silentLog, useTempDirs } from './testing/temp-dir'
import { openKioskServices } from './kiosk-services'

const tempDir = useTempDirs()

/** The real handler table over a fresh data folder, with chosen handlers replaced by spies. */
async function handlers(overrides: Partial<Handlers> = {}): Promise<Handlers> {
  const { handlers: real } = await openKioskServices({
    dataDir: await tempDir(),
    runtime: 'web',
    log: silentLog,
  })
  const table = { ...real, ...overrides }
  vi.spyOn(table, 'updateSettings')
  return table
}

describe('dispatch validates every call against the contract', () => {
  it('rejects a bad argument with the method name and field, without calling the handler', async () => {
    const table = await handlers()
    const result = await dispatch(table, 'updateSettings', { idleSeconds: 'soon' }, silentLog)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: expect.stringMatching(/^updateSettings: idleSeconds: /),
      },
    })
    expect(table.updateSettings).not.toHaveBeenCalled()
  })

  it('rejects unknown fields rather than passing them through', async () => {
    const table = await handlers()
    const result = await dispatch(table, 'updateSettings', { registerToken: 'steal' }, silentLog)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain('registerToken')
    expect(table.updateSettings).not.toHaveBeenCalled()
  })

  it('rejects an argument to a method that takes none', async () => {
    const result = await dispatch(await handlers(), 'getAppInfo', { sneaky: 1 }, silentLog)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('refuses unknown and inherited method names', async () => {
    for (const name of ['deleteEverything', 'constructor', '__proto__', 42]) {
      const result = await dispatch(await handlers(), name, undefined, silentLog)
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    }
  })

  it('passes the parsed argument to the handler and wraps its answer', async () => {
    const table = await handlers()
    // Settings are staff-only: setting the first PIN opens a console session.
    await dispatch(table, 'setStaffPin', { pin: '482913' }, silentLog)
    const result = await dispatch(table, 'updateSettings', { idleSeconds: 90 }, silentLog)
    expect(result.ok).toBe(true)
    expect(table.updateSettings).toHaveBeenCalledWith({ idleSeconds: 90 })
  })

  it('keeps an expected ApiError and hides unexpected failures', async () => {
    const expected = await dispatch(
      await handlers({
        getSettings: async () => Promise.reject(new ApiError('not-found', 'nothing here')),
      }),
      'getSettings',
      undefined,
      silentLog,
    )
    expect(expected).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'getSettings: nothing here' },
    })
    const unexpected = await dispatch(
      await handlers({
        getSettings: async () => Promise.reject(new Error('/secret/path exploded')),
      }),
      'getSettings',
      undefined,
      silentLog,
    )
    expect(unexpected).toEqual({
      ok: false,
      error: { code: 'internal', message: 'getSettings: internal error' },
    })
  })
})
