import { randomBytes } from 'node:crypto'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError } from '../shared/api-error'

/** Bytes of the kiosk key (AES-256). */
export const KIOSK_KEY_BYTES = 32
/** The key file beside the data where the OS offers no key store (the web host). */
export const KIOSK_KEY_FILE = 'kiosk.key'

/**
 * Where the per-kiosk key that encrypts personal data at rest lives. Electron wraps it with the
 * OS key store (safeStorage, in the Electron glue); the web host keeps it in a 0600 file.
 * `load` creates the key on first use and answers the same key on every later start.
 */
export interface KeyProvider {
  /** Where the key is kept, in words for staff and logs. */
  readonly describe: string
  load(): Promise<Buffer>
}

/**
 * Turns a wrapped key at rest into the key and back: identity for the plain key file,
 * safeStorage's encryptString/decryptString in Electron.
 */
export interface KeyWrapper {
  wrap(key: Buffer): Buffer
  unwrap(stored: Buffer): Buffer
}

const plainFile: KeyWrapper = {
  wrap: (key) => Buffer.from(key.toString('base64') + '\n'),
  unwrap: (stored) => Buffer.from(stored.toString('utf8').trim(), 'base64'),
}

/**
 * A key kept in a file of the data folder (0600), created with a random key at the first start.
 * With a wrapper (the OS key store) only the wrapped form touches the disk.
 */
export function fileKeyProvider(
  dataDir: string,
  options: { file?: string; wrapper?: KeyWrapper; describe?: string } = {},
): KeyProvider {
  const path = join(dataDir, options.file ?? KIOSK_KEY_FILE)
  const wrapper = options.wrapper ?? plainFile
  let loaded: Promise<Buffer> | null = null
  const load = async (): Promise<Buffer> => {
    await mkdir(dataDir, { recursive: true, mode: 0o700 })
    const stored = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    })
    if (stored === null) {
      const key = randomBytes(KIOSK_KEY_BYTES)
      // 'wx': two starts at once never write two different keys.
      await writeFile(path, wrapper.wrap(key), { mode: 0o600, flag: 'wx' })
      return key
    }
    await chmod(path, 0o600)
    let key: Buffer
    try {
      key = wrapper.unwrap(stored)
    } catch {
      key = Buffer.alloc(0)
    }
    if (key.length !== KIOSK_KEY_BYTES) {
      throw new ApiError(
        'unavailable',
        `The kiosk key in ${path} cannot be read: the journal cannot be opened. Restore the key from where it came from (do not delete it).`,
      )
    }
    return key
  }
  return {
    describe: options.describe ?? `key file ${path} (0600)`,
    load: () => (loaded ??= load()),
  }
}
