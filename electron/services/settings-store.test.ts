import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../shared/settings'
import { SETTINGS_FILE, SettingsStore } from './settings-store'
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
    expect(await readdir(dir)).toEqual([SETTINGS_FILE])
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

  it('moves a corrupt file aside, logs a warning and uses defaults', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, SETTINGS_FILE), '{"kioskId": "B0')
    const warn = vi.fn()
    const store = await SettingsStore.open(dir, { ...silentLog, warn })
    expect(store.publicView().kioskId).toBe(DEFAULT_SETTINGS.kioskId)
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ file: join(dir, SETTINGS_FILE) }),
      expect.stringContaining('corrupt'),
    )
    const files = await readdir(dir)
    expect(files.some((f) => f.startsWith(`${SETTINGS_FILE}.corrupt-`))).toBe(true)
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
