import { readFile, rename } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import {
  DEFAULT_SETTINGS,
  editableSettingsSchema,
  settingsUpdateSchema,
  type EditableSettings,
  type PublicSettings,
  type SettingsRestored,
} from '../shared/settings'
import { describeIssues, invalidArgument } from '../shared/api-error'
import type { Logger } from './logger'
import { ensurePrivateDir, ensurePrivateFile, writePrivateFileAtomic } from './private-files'
import { SerialQueue } from '../shared/serial-queue'

/**
 * What stays in the main process, never returned to the renderer: the secrets, and the PIN
 * lockout (kept here so that a restart does not reset it).
 */
const secretsSchema = z.object({
  registerToken: z.string().min(1).nullable(),
  staffPinHash: z.string().min(1).nullable(),
  staffPinFailures: z.number().int().min(0).max(1_000_000),
  /** Epoch milliseconds until which PIN entry is refused, or null. */
  staffPinLockedUntil: z.number().int().min(0).nullable(),
})
type Secrets = z.infer<typeof secretsSchema>

const storedSchema = editableSettingsSchema.extend(secretsSchema.shape)
type StoredSettings = z.infer<typeof storedSchema>

const DEFAULT_STORED: StoredSettings = {
  ...DEFAULT_SETTINGS,
  registerToken: null,
  staffPinHash: null,
  staffPinFailures: 0,
  staffPinLockedUntil: null,
}

export const SETTINGS_FILE = 'settings.json'
/** The same content as the settings file, written after it on every save. */
export const LAST_GOOD_FILE = 'settings.last-good.json'

/**
 * The settings could not be used and no last good copy could be read: the kiosk must not start
 * on defaults (it would lose its PIN, register token and kiosk id, and anyone could set a PIN).
 * `message` names the file and what to do; callers show it as is, without a stack trace.
 */
export class SettingsUnusableError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message)
    this.name = 'SettingsUnusableError'
  }
}

type Read =
  { kind: 'ok'; value: StoredSettings } | { kind: 'missing' } | { kind: 'bad'; why: string }

/**
 * Settings persisted as one JSON file in the app's data folder (0600 in a 0700 folder). Every
 * save replaces the file atomically and then writes the same content as the last good copy. A
 * settings file that cannot be used is moved aside and the kiosk starts from the last good copy,
 * with `restored` telling staff; with no readable copy either, `open` refuses to start.
 */
export class SettingsStore {
  /** Writes run one after another, each merging into the result of the previous one. */
  private readonly writes = new SerialQueue()

  private constructor(
    private readonly file: string,
    private current: StoredSettings,
    private readonly restoredFrom: SettingsRestored | null = null,
  ) {}

  static async open(dataDir: string, log: Logger): Promise<SettingsStore> {
    const file = join(dataDir, SETTINGS_FILE)
    const lastGood = join(dataDir, LAST_GOOD_FILE)
    try {
      await ensurePrivateDir(dataDir)
    } catch (error) {
      throw new SettingsUnusableError(
        file,
        `The kiosk's data folder ${dataDir} cannot be used (${errorText(error)}). Check that it exists, is a folder and belongs to the account that runs the kiosk, then start the kiosk again.`,
      )
    }
    const main = await readStored(file)
    if (main.kind === 'ok') {
      await ensurePrivateFile(file)
      const store = new SettingsStore(file, main.value)
      // Settings from a version without the copy (or a lost copy) get one now.
      if ((await readStored(lastGood)).kind !== 'ok') await store.writeCopy(main.value)
      return store
    }
    const copy = await readStored(lastGood)
    if (main.kind === 'missing' && copy.kind === 'missing') {
      return new SettingsStore(file, { ...DEFAULT_STORED })
    }
    const why = main.kind === 'bad' ? main.why : 'it is missing'
    if (copy.kind !== 'ok') {
      throw new SettingsUnusableError(
        file,
        `The kiosk's settings file ${file} cannot be used: ${why}. Its last good copy ${lastGood} ${
          copy.kind === 'missing' ? 'does not exist' : `cannot be used either: ${copy.why}`
        }. The kiosk does not start on default settings, which would lose its staff PIN, register token and kiosk id. Restore ${SETTINGS_FILE} from a backup, or remove it (and ${LAST_GOOD_FILE}) to set this kiosk up again from scratch, then start the kiosk again.`,
      )
    }
    let movedTo: string | null = null
    if (main.kind === 'bad') {
      movedTo = `${file}.corrupt-${Date.now()}`
      await rename(file, movedTo)
    }
    const restored: SettingsRestored = {
      at: new Date().toISOString(),
      reason: why,
      movedTo,
    }
    log.warn(
      { file, movedTo, reason: why },
      'settings file unusable; started from the last good copy',
    )
    const store = new SettingsStore(file, copy.value, restored)
    await writePrivateFileAtomic(file, encode(copy.value))
    return store
  }

  /** The settings the renderer may see. */
  publicView(): PublicSettings {
    const { registerToken, staffPinHash, staffPinFailures, staffPinLockedUntil, ...editable } =
      this.current
    void staffPinFailures
    void staffPinLockedUntil
    return {
      ...editable,
      registerTokenSet: registerToken !== null,
      staffPinSet: staffPinHash !== null,
      settingsRestored: this.restoredFrom,
    }
  }

  /** Set when this run started from the last good copy because the settings file was unusable. */
  restored(): SettingsRestored | null {
    return this.restoredFrom
  }

  editable(): EditableSettings {
    return editableSettingsSchema.parse(this.current)
  }

  secret<K extends keyof Secrets>(key: K): Secrets[K] {
    return this.current[key]
  }

  /** Applies a validated partial update; an invalid one throws and changes nothing. */
  async update(input: unknown): Promise<PublicSettings> {
    const result = settingsUpdateSchema.safeParse(input)
    if (!result.success) throw invalidArgument(result.error)
    await this.write((current) => ({ ...current, ...result.data }))
    return this.publicView()
  }

  async setSecret<K extends keyof Secrets>(key: K, value: Secrets[K]): Promise<void> {
    await this.write((current) => ({ ...current, [key]: value }))
  }

  /** Several main-process fields in one save (e.g. the PIN failure count and the lock time). */
  async setSecrets(values: Partial<Secrets>): Promise<void> {
    await this.write((current) => ({ ...current, ...values }))
  }

  private write(change: (current: StoredSettings) => StoredSettings): Promise<void> {
    return this.writes.run(() => this.replaceFile(storedSchema.parse(change(this.current))))
  }

  private async replaceFile(checked: StoredSettings): Promise<void> {
    await writePrivateFileAtomic(this.file, encode(checked))
    this.current = checked
    await this.writeCopy(checked)
  }

  private async writeCopy(checked: StoredSettings): Promise<void> {
    await writePrivateFileAtomic(join(dirname(this.file), LAST_GOOD_FILE), encode(checked))
  }
}

const encode = (settings: StoredSettings) => JSON.stringify(settings, null, 2) + '\n'

async function readStored(file: string): Promise<Read> {
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { kind: 'missing' }
    if (code === 'EISDIR') return { kind: 'bad', why: 'it is a folder, not a file' }
    return { kind: 'bad', why: `it cannot be read (${errorText(error)})` }
  }
  if (raw.trim() === '') return { kind: 'bad', why: 'it is empty' }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { kind: 'bad', why: 'it is not valid JSON (cut short or overwritten)' }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { kind: 'bad', why: 'it does not hold a settings object' }
  }
  // Keys added in later versions fall back to their defaults.
  const result = storedSchema.safeParse({ ...DEFAULT_STORED, ...json })
  return result.success
    ? { kind: 'ok', value: result.data }
    : { kind: 'bad', why: `it holds a value out of range (${describeIssues(result.error)})` }
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return code ?? (error instanceof Error ? error.message : String(error))
}
