import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../shared/settings'
import {
  LAST_GOOD_FILE,
  SETTINGS_FILE,
  SettingsStore,
  SettingsUnusableError,
} from './settings-store'
import { silentLog, useTempDirs } from './testing/temp-dir'

const tempDir = useTempDirs()

describe('SettingsStore', () => {
  it('starts from defaults and persists an update across reopen', async () => {
    const dir = await tempDir()
    const store = await SettingsStore.open(dir, silentLog)
    expect(store.publicView()).toMatchObject({ ...DEFAULT_SETTINGS, registerTokenSet: false })
    await store.update({ kioskId: 'B03', eventCity: 'Bruxelles' })
    const reopened = await SettingsStore.open(dir, silentLog)
    expect(reopened.publicView()).toMatchObject({ kioskId: 'B03', eventCity: 'Bruxelles' })
  })

  it('writes atomically: only the final file remains, never a temp file', async () => {
    const dir = await tempDir()
    const store = await SettingsStore.open(dir, silentLog)
    await Promise.all([
      store.update({ idleSeconds: 45 }),
      store.update({ thankYouIdleSeconds: 10 }),
    ])
    expect((await readdir(dir)).sort()).toEqual([SETTINGS_FILE, LAST_GOOD_FILE])
    const onDisk = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')) as Record<
      string,
      unknown
    >
    expect(onDisk).toMatchObject({ kioskId: 'B01', idleSeconds: 45, thankYouIdleSeconds: 10 })
  })

  it('refuses an invalid update with a clear message and changes nothing', async () => {
    const dir = await tempDir()
    const store = await SettingsStore.open(dir, silentLog)
    await store.update({ kioskId: 'B07' })
    const before = await readFile(join(dir, SETTINGS_FILE), 'utf8')
    await expect(store.update({ kioskId: 'b 7!', timeZone: 'Mars/Olympus' })).rejects.toThrow(
      /kioskId: Kiosk id.*timeZone: Unknown time zone/,
    )
    expect(await readFile(join(dir, SETTINGS_FILE), 'utf8')).toBe(before)
    expect(store.publicView().kioskId).toBe('B07')
  })

  const corruptions: [string, (file: string) => Promise<void>, RegExp][] = [
    ['truncated JSON', (f) => writeFile(f, '{"kioskId": "B0'), /not valid JSON/],
    ['not JSON', (f) => writeFile(f, 'kioskId = B07\n'), /not valid JSON/],
    [
      'valid JSON with one out-of-range field',
      async (f) => {
        const json = JSON.parse(await readFile(f, 'utf8')) as Record<string, unknown>
        await writeFile(f, JSON.stringify({ ...json, idleSeconds: -5 }))
      },
      /out of range \(idleSeconds/,
    ],
    ['an empty file', (f) => writeFile(f, ''), /empty/],
    [
      'a folder',
      async (f) => {
        await rm(f)
        await mkdir(f)
      },
      /a folder, not a file/,
    ],
  ]

  /** A kiosk set up by staff: kiosk id, register token and PIN hash saved. */
  async function configured() {
    const dir = await tempDir()
    const store = await SettingsStore.open(dir, silentLog)
    await store.update({ kioskId: 'B07', registerUrl: 'https://register.example.eu' })
    await store.setSecret('registerToken', 'tok-1234567890abcdef')
    await store.setSecret('staffPinHash', 'scrypt$1$1$1$c2FsdA==$aGFzaA==')
    return { dir, file: join(dir, SETTINGS_FILE) }
  }

  for (const [name, damage, why] of corruptions) {
    it(`starts from the last good copy when the settings file is ${name}, and says so`, async () => {
      const { dir, file } = await configured()
      await damage(file)
      const warn = vi.fn()
      const store = await SettingsStore.open(dir, { ...silentLog, warn })
      expect(store.publicView()).toMatchObject({
        kioskId: 'B07',
        registerUrl: 'https://register.example.eu',
        registerTokenSet: true,
        staffPinSet: true,
      })
      expect(store.secret('registerToken')).toBe('tok-1234567890abcdef')
      expect(store.publicView().settingsRestored?.reason).toMatch(why)
      expect(warn).toHaveBeenCalledOnce()
      // The damaged file is kept for inspection and a good one is back in its place.
      expect((await readdir(dir)).some((f) => f.startsWith(`${SETTINGS_FILE}.corrupt-`))).toBe(true)
      expect((await SettingsStore.open(dir, silentLog)).publicView()).toMatchObject({
        kioskId: 'B07',
        settingsRestored: null,
      })
    })

    it(`refuses to start, naming the file, when the settings file is ${name} and no copy can be read`, async () => {
      const { dir, file } = await configured()
      await damage(file)
      await writeFile(join(dir, LAST_GOOD_FILE), '{')
      const before = (await readdir(dir)).sort()
      const opening = SettingsStore.open(dir, silentLog)
      await expect(opening).rejects.toBeInstanceOf(SettingsUnusableError)
      await expect(opening).rejects.toThrow(
        new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be used: .*Restore`),
      )
      await expect(opening).rejects.toThrow(why)
      // Nothing was reset or moved: whoever fixes it finds the files as they were.
      expect((await readdir(dir)).sort()).toEqual(before)
    })
  }

  it('starts on defaults only on a first start, with neither file present', async () => {
    const dir = await tempDir()
    const store = await SettingsStore.open(dir, silentLog)
    expect(store.publicView()).toMatchObject({ staffPinSet: false, settingsRestored: null })
  })

  it('refuses to start when the settings file is gone but its copy is damaged', async () => {
    const { dir, file } = await configured()
    await rm(file)
    await writeFile(join(dir, LAST_GOOD_FILE), 'null')
    await expect(SettingsStore.open(dir, silentLog)).rejects.toThrow(
      /missing.*cannot be used either/,
    )
  })

  it.skipIf(process.platform === 'win32')('keeps both files 0600 in a 0700 folder', async () => {
    const { dir, file } = await configured()
    expect((await stat(dir)).mode & 0o777).toBe(0o700)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect((await stat(join(dir, LAST_GOOD_FILE))).mode & 0o777).toBe(0o600)
  })

  it('keeps secrets out of the public view', async () => {
    const dir = await tempDir()
    const store = await SettingsStore.open(dir, silentLog)
    await store.setSecret('registerToken', 'tok-123')
    const view = store.publicView()
    expect(view.registerTokenSet).toBe(true)
    expect(JSON.stringify(view)).not.toContain('tok-123')
  })
})
