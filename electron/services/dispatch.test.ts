import { describe, expect, it, vi } from 'vitest'
import { contract, METHOD_NAMES, type MethodName } from '../shared/api'
import { dispatch, type Handlers, type ServedApi } from './dispatch'
import { ApiError } from '../shared/api-error'
import { silentLog, useTempDirs } from './testing/temp-dir'
import { openKioskServices } from './kiosk-services'

const tempDir = useTempDirs()

/** The real kiosk over a fresh data folder, with chosen handlers replaced, and every handler spied on. */
async function served(overrides: Partial<Handlers> = {}): Promise<ServedApi> {
  const { api } = await openKioskServices({
    dataDir: await tempDir(),
    runtime: 'web',
    log: silentLog,
  })
  const handlers = { ...api.handlers, ...overrides }
  for (const name of METHOD_NAMES) vi.spyOn(handlers, name)
  return { handlers, gate: api.gate }
}

const byAccess = (access: string) => METHOD_NAMES.filter((name) => contract[name].access === access)

describe('dispatch validates every call against the contract', () => {
  it('rejects a bad argument with typed field issues, without calling the handler', async () => {
    const api = await served()
    await dispatch(api, 'setStaffPin', { pin: '482913' }, silentLog)
    const result = await dispatch(api, 'updateSettings', { idleSeconds: 'soon' }, silentLog)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        issues: [{ code: 'invalid', field: 'idleSeconds', params: { expected: 'number' } }],
        message: expect.stringMatching(/^updateSettings: idleSeconds: /),
      },
    })
    expect(api.handlers.updateSettings).not.toHaveBeenCalled()
  })

  it('names an unknown field as the field at fault rather than passing it through', async () => {
    const api = await served()
    await dispatch(api, 'setStaffPin', { pin: '482913' }, silentLog)
    const result = await dispatch(api, 'updateSettings', { registerToken: 'steal' }, silentLog)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', issues: [{ code: 'invalid', field: 'registerToken' }] },
    })
    expect(api.handlers.updateSettings).not.toHaveBeenCalled()
  })

  it('rejects an argument to a method that takes none', async () => {
    const result = await dispatch(await served(), 'getAppInfo', { sneaky: 1 }, silentLog)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('refuses unknown and inherited method names', async () => {
    for (const name of ['deleteEverything', 'constructor', '__proto__', 42]) {
      const result = await dispatch(await served(), name, undefined, silentLog)
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'unknown-method', params: { method: String(name) } },
      })
    }
  })

  it('passes the parsed argument to the handler and wraps its answer', async () => {
    const api = await served()
    // Settings are staff-only: setting the first PIN opens a console session.
    await dispatch(api, 'setStaffPin', { pin: '482913' }, silentLog)
    const result = await dispatch(api, 'updateSettings', { idleSeconds: 90 }, silentLog)
    expect(result.ok).toBe(true)
    expect(api.handlers.updateSettings).toHaveBeenCalledWith({ idleSeconds: 90 })
  })

  it('keeps an expected ApiError with its reason and params, and hides unexpected failures', async () => {
    const expected = await dispatch(
      await served({
        getSettings: async () =>
          Promise.reject(
            new ApiError('not-found', 'nothing here', {
              reason: 'pdf-gone',
              params: { path: '/x' },
            }),
          ),
      }),
      'getSettings',
      undefined,
      silentLog,
    )
    expect(expected).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        reason: 'pdf-gone',
        params: { path: '/x' },
        message: 'getSettings: nothing here',
      },
    })
    const unexpected = await dispatch(
      await served({
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

describe('dispatch applies each method’s access rule from the contract', () => {
  const refused = { ok: false, error: { code: 'forbidden', reason: 'staff-locked' } }

  it('refuses every staff method without a session, before its handler or its schema', async () => {
    const api = await served()
    expect(byAccess('staff').length).toBeGreaterThan(0)
    for (const name of byAccess('staff')) {
      expect(await dispatch(api, name, undefined, silentLog), name).toMatchObject(refused)
      expect(api.handlers[name], name).not.toHaveBeenCalled()
    }
  })

  it('refuses every staff and setup method once a PIN is set and the console is locked', async () => {
    const api = await served()
    await dispatch(api, 'setStaffPin', { pin: '482913' }, silentLog)
    await dispatch(api, 'lockStaff', undefined, silentLog)
    vi.clearAllMocks()
    for (const name of [...byAccess('staff'), ...byAccess('setup')]) {
      expect(await dispatch(api, name, undefined, silentLog), name).toMatchObject(refused)
      expect(api.handlers[name], name).not.toHaveBeenCalled()
    }
  })

  it('lets the setup methods through while no PIN is set', async () => {
    const api = await served()
    for (const name of byAccess('setup')) {
      const answer = await dispatch(api, name, undefined, silentLog)
      // Past the gate, the schema answers: the argument is missing.
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
  })

  it('never asks for a session on a public method', async () => {
    const api = await served()
    const publicMethods: MethodName[] = byAccess('public')
    expect(publicMethods).toContain('unlockStaff')
    for (const name of publicMethods) {
      const answer = await dispatch(api, name, undefined, silentLog)
      if (!answer.ok) expect(answer.error.code, name).not.toBe('forbidden')
    }
  })
})
