import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KIOSK_KEY_FILE, fileKeyProvider, type KeyWrapper } from './kiosk-key'
import { useTempDirs } from './testing/temp-dir'

const tempDir = useTempDirs()

describe('fileKeyProvider', () => {
  it('creates a random 32-byte key in a 0600 file and answers the same key on the next start', async () => {
    const dir = await tempDir()
    const key = await fileKeyProvider(dir).load()
    expect(key).toHaveLength(32)
    expect((await stat(join(dir, KIOSK_KEY_FILE))).mode & 0o777).toBe(0o600)
    expect(await fileKeyProvider(dir).load()).toEqual(key)
    expect(await fileKeyProvider(await tempDir()).load()).not.toEqual(key)
  })

  it('refuses a damaged key file with a clear error and leaves it in place', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, KIOSK_KEY_FILE), 'not a key\n')
    await expect(fileKeyProvider(dir).load()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('cannot be read'),
    })
    expect(await readFile(join(dir, KIOSK_KEY_FILE), 'utf8')).toBe('not a key\n')
  })

  it('keeps only the wrapped key on disk when the OS key store wraps it', async () => {
    const dir = await tempDir()
    // A stand-in for safeStorage: what it writes must not be the key itself.
    const wrapper: KeyWrapper = {
      wrap: (key) => Buffer.from(key.map((byte) => byte ^ 0x5a)),
      unwrap: (stored) => Buffer.from(stored.map((byte) => byte ^ 0x5a)),
    }
    const key = await fileKeyProvider(dir, { file: 'kiosk.key.os', wrapper }).load()
    const stored = await readFile(join(dir, 'kiosk.key.os'))
    expect(stored.equals(key)).toBe(false)
    expect(stored.toString('utf8')).not.toContain(key.toString('base64'))
    expect(await fileKeyProvider(dir, { file: 'kiosk.key.os', wrapper }).load()).toEqual(key)
  })
})
