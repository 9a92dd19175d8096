import { describe, expect, it } from 'vitest'
import { SettingsStore } from './settings-store'
import { STAFF_IDLE_MS } from '../shared/staff'
import { FREE_ATTEMPTS, StaffAuth, hashPin, verifyPin } from './staff-auth'
import { silentLog, useTempDirs } from './testing/temp-dir'

const tempDir = useTempDirs()

async function auth() {
  const settings = await SettingsStore.open(await tempDir(), silentLog)
  let now = Date.UTC(2026, 9, 13, 9)
  const staff = new StaffAuth(settings, () => now)
  return { staff, settings, now: () => now, advance: (ms: number) => (now += ms) }
}

describe('staff PIN', () => {
  it('stores only a salted scrypt hash that verifies the right PIN alone', async () => {
    const hash = await hashPin('482913')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(hash).not.toContain('482913')
    expect(await hashPin('482913')).not.toBe(hash)
    expect(await verifyPin('482913', hash)).toBe(true)
    expect(await verifyPin('482914', hash)).toBe(false)
  })

  it('is set once freely, unlocks a session that locks after two idle minutes', async () => {
    const { staff, settings, advance } = await auth()
    expect(staff.status()).toEqual({ pinSet: false, lockedUntil: null, unlocked: false })
    await staff.setPin('482913')
    expect(settings.publicView().staffPinSet).toBe(true)
    staff.lock()
    expect(() => staff.require('staff')).toThrow(/locked/)
    expect(await staff.unlock('482913')).toEqual({ ok: true })
    advance(STAFF_IDLE_MS - 1000)
    staff.require('staff')
    advance(STAFF_IDLE_MS - 1000)
    expect(staff.status().unlocked).toBe(true)
    advance(STAFF_IDLE_MS)
    expect(staff.status().unlocked).toBe(false)
  })

  it('lets anyone past the setup rule until a PIN is set, then only an unlocked console', async () => {
    const { staff } = await auth()
    staff.require('public')
    staff.require('setup')
    expect(() => staff.require('staff')).toThrow(/locked/)
    await staff.setPin('482913')
    staff.lock()
    staff.require('public')
    expect(() => staff.require('setup')).toThrow(/locked/)
    expect(await staff.unlock('482913')).toEqual({ ok: true })
    staff.require('setup')
    await staff.setPin('135799')
    staff.lock()
    expect((await staff.unlock('482913')).ok).toBe(false)
  })

  it('locks entry for a growing delay after five wrong PINs, even for the right one', async () => {
    const { staff, now, advance } = await auth()
    await staff.setPin('482913')
    staff.lock()
    for (let i = 1; i < FREE_ATTEMPTS; i++) {
      expect(await staff.unlock('111111')).toEqual({
        ok: false,
        lockedUntil: null,
        attemptsLeft: FREE_ATTEMPTS - i,
      })
    }
    const lockMs = async () => {
      const at = now()
      const result = await staff.unlock('111111')
      if (result.ok || !result.lockedUntil) throw new Error('expected a lock')
      return Date.parse(result.lockedUntil) - at
    }
    expect(await lockMs()).toBe(30_000)
    expect((await staff.unlock('482913')).ok).toBe(false)
    expect(staff.status().lockedUntil).not.toBeNull()
    advance(30_001)
    expect(await lockMs()).toBe(60_000)
    advance(60_001)
    expect(await staff.unlock('482913')).toEqual({ ok: true })
  })
})
