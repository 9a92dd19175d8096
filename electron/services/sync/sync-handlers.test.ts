import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch, type ServedApi } from '../dispatch'
import { openKioskServices } from '../kiosk-services'
import { SETTINGS_FILE, SettingsStore } from '../settings-store'
import { silentLog, useTempDirs } from '../testing/temp-dir'

const tempDir = useTempDirs()

/** The kiosk's handlers with the staff console unlocked (setting a PIN on first start does). */
async function handlersIn(dir: string): Promise<{ handlers: ServedApi; settings: SettingsStore }> {
  const services = await openKioskServices({ dataDir: dir, runtime: 'web', log: silentLog })
  const unlocked = await dispatch(services.api, 'setStaffPin', { pin: '482913' }, silentLog)
  expect(unlocked.ok).toBe(true)
  return { handlers: services.api, settings: services.settings }
}

const TOKEN = 'ckr_Zm9vYmFyYmF6cXV4LXRlc3QtdG9rZW4tMTIzNDU2Nzg'

describe('setRegisterToken', () => {
  it('stores the token as a secret: on disk, never in what the renderer gets back', async () => {
    const dir = await tempDir()
    const { handlers, settings } = await handlersIn(dir)
    const answer = await dispatch(handlers, 'setRegisterToken', { token: TOKEN }, silentLog)
    expect(answer).toMatchObject({ ok: true, value: { registerTokenSet: true } })
    expect(JSON.stringify(answer)).not.toContain(TOKEN)
    expect(JSON.stringify(settings.publicView())).not.toContain(TOKEN)
    expect(settings.secret('registerToken')).toBe(TOKEN)
    const onDisk = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')) as {
      registerToken: string
    }
    expect(onDisk.registerToken).toBe(TOKEN)

    const reopened = await SettingsStore.open(dir, silentLog)
    expect(reopened.secret('registerToken')).toBe(TOKEN)
  })

  it('refuses a token that is too short or has spaces, and keeps the old one', async () => {
    const dir = await tempDir()
    const { handlers, settings } = await handlersIn(dir)
    await dispatch(handlers, 'setRegisterToken', { token: TOKEN }, silentLog)
    for (const token of ['short', 'has spaces in the middle of it', 42]) {
      const answer = await dispatch(handlers, 'setRegisterToken', { token }, silentLog)
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    const tooShort = await dispatch(handlers, 'setRegisterToken', { token: 'short' }, silentLog)
    expect(!tooShort.ok && tooShort.error.message).toMatch(/at least 16 characters/)
    expect(settings.secret('registerToken')).toBe(TOKEN)
  })

  it('is refused while the staff console is locked', async () => {
    const { handlers, settings } = await handlersIn(await tempDir())
    await dispatch(handlers, 'lockStaff', undefined, silentLog)
    const answer = await dispatch(handlers, 'setRegisterToken', { token: TOKEN }, silentLog)
    expect(answer).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/staff console is locked/) },
    })
    expect(settings.secret('registerToken')).toBeNull()
  })

  it('forgets the token with null', async () => {
    const { handlers, settings } = await handlersIn(await tempDir())
    await dispatch(handlers, 'setRegisterToken', { token: TOKEN }, silentLog)
    const answer = await dispatch(handlers, 'setRegisterToken', { token: null }, silentLog)
    expect(answer).toMatchObject({ ok: true, value: { registerTokenSet: false } })
    expect(settings.secret('registerToken')).toBeNull()
  })
})

describe('sendBatch and checkRegister', () => {
  it('refuses a malformed batch before anything is sent', async () => {
    const { handlers } = await handlersIn(await tempDir())
    const answer = await dispatch(
      handlers,
      'sendBatch',
      { batchId: 'not-a-uuid', kioskId: 'B01', sentAt: 'now', records: [] },
      silentLog,
    )
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(!answer.ok && answer.error.message).toMatch(/batchId must be a lowercase UUID/)
  })

  it('says the register is not configured on a fresh kiosk', async () => {
    const { handlers } = await handlersIn(await tempDir())
    expect(await dispatch(handlers, 'checkRegister', undefined, silentLog)).toEqual({
      ok: true,
      value: { state: 'not-configured', reason: 'No register URL is set in settings.' },
    })
  })
})
