import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, missingControllerFields } from '../shared/settings'
import { LAST_GOOD_FILE, SETTINGS_FILE, SettingsStore } from './settings-store'
import { silentLog, useTempDirs } from './testing/temp-dir'

const tempDir = useTempDirs()

const CONTROLLER = {
  controllerName: 'European Committee of the Regions',
  controllerAddress: 'Rue Belliard 101, 1040 Brussels, Belgium',
  controllerEmail: 'data.protection@cor.europa.eu',
  dpoContact: 'DPO, Rue Belliard 101, 1040 Brussels',
}

describe('Settings: the data controller of the privacy notice', () => {
  it('loads a settings file of a version without the controller, with the fields empty and missing', async () => {
    const dir = await tempDir()
    const old: Record<string, unknown> = {
      ...DEFAULT_SETTINGS,
      kioskId: 'B07',
      registerToken: null,
      staffPinHash: 'scrypt$abc',
      staffPinFailures: 0,
      staffPinLockedUntil: null,
    }
    for (const key of Object.keys(CONTROLLER)) delete old[key]
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify(old))
    const store = await SettingsStore.open(dir, silentLog)
    expect(store.restored()).toBeNull()
    const view = store.publicView()
    expect(view).toMatchObject({ kioskId: 'B07', staffPinSet: true, controllerName: '' })
    expect(missingControllerFields(view)).toEqual([
      'controllerName',
      'controllerAddress',
      'controllerEmail',
    ])
  })

  it('saves the controller as entered (trimmed) and keeps it across a restart and in the last good copy', async () => {
    const dir = await tempDir()
    const store = await SettingsStore.open(dir, silentLog)
    await store.update({ ...CONTROLLER, controllerName: `  ${CONTROLLER.controllerName} ` })
    const reopened = await SettingsStore.open(dir, silentLog)
    expect(reopened.publicView()).toMatchObject(CONTROLLER)
    expect(missingControllerFields(reopened.publicView())).toEqual([])
    const copy = JSON.parse(await readFile(join(dir, LAST_GOOD_FILE), 'utf8')) as object
    expect(copy).toMatchObject(CONTROLLER)
  })

  it.each([
    ['controllerEmail', 'not an address', /controllerEmail: Controller email/],
    ['controllerName', 'Line one\nline two', /controllerName: Controller name/],
    ['controllerAddress', 'x'.repeat(301), /controllerAddress: Controller address: at most 300/],
    ['dpoContact', 'dpo\u0000@example.eu', /dpoContact: Data protection officer/],
    ['controllerName', 42, /controllerName/],
  ])('refuses %s = %j and changes nothing', async (field, value, message) => {
    const dir = await tempDir()
    const store = await SettingsStore.open(dir, silentLog)
    await store.update(CONTROLLER)
    const before = await readFile(join(dir, SETTINGS_FILE), 'utf8')
    await expect(store.update({ [field]: value })).rejects.toThrow(message)
    expect(await readFile(join(dir, SETTINGS_FILE), 'utf8')).toBe(before)
    expect(store.publicView()).toMatchObject(CONTROLLER)
  })
})
