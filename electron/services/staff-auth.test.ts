import { describe, expect, it } from 'vitest'
import { SettingsStore } from './settings-store'
import { STAFF_IDLE_MS } from '../shared/staff'
import { FREE_ATTEMPTS, StaffAuth, hashPin, verifyPin } from './staff-auth'
import { silentLog, useTempDirs } from './testing/temp-dir'

const tempDir = useTempDirs()

async function auth(dir?: string) {
  const dataDir = dir ?? (await tempDir())
  const settings = await SettingsStore.open(dataDir, silentLog)
  let now = Date.UTC(2026, 9, 13, 9)
  let hashed = 0
  const staff = new StaffAuth(settings, {
    now: () => now,
    verify: (pin, stored) => {
      hashed += 1
      return verifyPin(pin, stored)
    },
  })
  return {
    dataDir,
    staff,
    settings,
    now: () => now,
    advance: (ms: number) => (now += ms),
    hashed: () => hashed,
  }
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

  it('tries one of 300 attempts sent at once after a lock ran out, and refuses the right PIN among them', async () => {
    const { staff, advance, hashed } = await auth()
    await staff.setPin('482913')
    staff.lock()
    for (let i = 0; i < FREE_ATTEMPTS; i++) await staff.unlock('111111')
    expect(staff.status().lockedUntil).not.toBeNull()
    advance(30_001)
    const before = hashed()

    const pins = Array.from({ length: 300 }, (_, i) => (i === 150 ? '482913' : '111111'))
    const results = await Promise.all(pins.map((pin) => staff.unlock(pin)))
    // The sixth wrong PIN locks again at once: only the first attempt of the burst is hashed.
    expect(hashed() - before).toBe(1)
    expect(results.filter((r) => r.ok)).toEqual([])
    expect(results[150]).toMatchObject({ ok: false, attemptsLeft: 0 })
    expect(staff.status()).toMatchObject({ unlocked: false })
  })

  it('hashes nothing during a lock and keeps the count and the lock across a restart', async () => {
    const first = await auth()
    await first.staff.setPin('482913')
    first.staff.lock()
    for (let i = 1; i < FREE_ATTEMPTS; i++) await first.staff.unlock('111111')

    // Restarted before the fifth wrong PIN: the count goes on from four.
    const second = await auth(first.dataDir)
    expect(await second.staff.unlock('111111')).toMatchObject({ ok: false, attemptsLeft: 0 })
    const lockedUntil = second.staff.status().lockedUntil
    expect(lockedUntil).not.toBeNull()

    const third = await auth(first.dataDir)
    expect(third.staff.status().lockedUntil).toBe(lockedUntil)
    expect(await third.staff.unlock('482913')).toEqual({
      ok: false,
      lockedUntil,
      attemptsLeft: 0,
    })
    expect(third.hashed()).toBe(0)
    third.advance(30_001)
    expect(await third.staff.unlock('482913')).toEqual({ ok: true })
    expect(third.settings.secret('staffPinFailures')).toBe(0)
    expect((await auth(first.dataDir)).settings.secret('staffPinLockedUntil')).toBeNull()
  })

  it('keeps the lockout out of what the renderer sees', async () => {
    const { staff, settings } = await auth()
    await staff.setPin('482913')
    staff.lock()
    await staff.unlock('111111')
    expect(Object.keys(settings.publicView())).not.toContain('staffPinFailures')
    expect(Object.keys(settings.publicView())).not.toContain('staffPinLockedUntil')
  })
})
