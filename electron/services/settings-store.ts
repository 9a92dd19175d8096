import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile, open } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import {
  DEFAULT_SETTINGS,
  editableSettingsSchema,
  settingsUpdateSchema,
  type EditableSettings,
  type PublicSettings,
} from '../shared/settings'
import { ApiError } from '../shared/api-error'
import type { Logger } from './logger'
import { SerialQueue } from '../shared/serial-queue'

/** Secrets that stay in the main process: never returned to the renderer. */
const secretsSchema = z.object({
  registerToken: z.string().min(1).nullable(),
  staffPinHash: z.string().min(1).nullable(),
})
type Secrets = z.infer<typeof secretsSchema>

const storedSchema = editableSettingsSchema.extend(secretsSchema.shape)
type StoredSettings = z.infer<typeof storedSchema>

const DEFAULT_STORED: StoredSettings = {
  ...DEFAULT_SETTINGS,
  registerToken: null,
  staffPinHash: null,
}

export const SETTINGS_FILE = 'settings.json'

/**
 * Settings persisted as one JSON file in the app's data folder. Writes go to a temp file that is
 * fsynced and renamed over the old one, so a crash leaves either the old or the new file. A file
 * that cannot be read or parsed is moved aside (kept for inspection) and defaults are used.
 */
export class SettingsStore {
  /** Writes run one after another, each merging into the result of the previous one. */
  private readonly writes = new SerialQueue()

  private constructor(
    private readonly file: string,
    private current: StoredSettings,
  ) {}

  static async open(dataDir: string, log: Logger): Promise<SettingsStore> {
    const file = join(dataDir, SETTINGS_FILE)
    await mkdir(dataDir, { recursive: true })
    let raw: string
    try {
      raw = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return new SettingsStore(file, { ...DEFAULT_STORED })
      }
      throw error
    }
    const parsed = parseStored(raw)
    if (parsed) return new SettingsStore(file, parsed)
    const aside = `${file}.corrupt-${Date.now()}`
    await rename(file, aside)
    log.warn({ file, movedTo: aside }, 'settings file is corrupt; moved aside, using defaults')
    return new SettingsStore(file, { ...DEFAULT_STORED })
  }

  /** The settings the renderer may see. */
  publicView(): PublicSettings {
    const { registerToken, staffPinHash, ...editable } = this.current
    return {
      ...editable,
      registerTokenSet: registerToken !== null,
      staffPinSet: staffPinHash !== null,
    }
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
    if (!result.success) throw new ApiError('invalid-argument', describeIssues(result.error))
    await this.write((current) => ({ ...current, ...result.data }))
    return this.publicView()
  }

  async setSecret<K extends keyof Secrets>(key: K, value: Secrets[K]): Promise<void> {
    await this.write((current) => ({ ...current, [key]: value }))
  }

  private write(change: (current: StoredSettings) => StoredSettings): Promise<void> {
    return this.writes.run(() => this.replaceFile(storedSchema.parse(change(this.current))))
  }

  private async replaceFile(checked: StoredSettings): Promise<void> {
    const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`
    await mkdir(dirname(this.file), { recursive: true })
    await writeFile(temp, JSON.stringify(checked, null, 2) + '\n', { mode: 0o600 })
    const handle = await open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, this.file)
    this.current = checked
  }
}

function parseStored(raw: string): StoredSettings | null {
  try {
    const json: unknown = JSON.parse(raw)
    // Keys added in later versions fall back to their defaults.
    const merged = typeof json === 'object' && json !== null ? { ...DEFAULT_STORED, ...json } : json
    const result = storedSchema.safeParse(merged)
    return result.success ? result.data : null
  } catch {
    return null
  }
}

/** One readable line per problem: `field: message`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ')
}
