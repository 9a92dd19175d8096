import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensurePrivateDir, ensurePrivateFile, writePrivateFileAtomic } from './private-files'
import { useTempDirs } from './testing/temp-dir'

const tempDir = useTempDirs()
const mode = async (path: string) => (await stat(path)).mode & 0o777

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('creates the folder 0700 and narrows an existing 0755 one', async () => {
    const root = await tempDir()
    const fresh = join(root, 'a', 'b')
    await ensurePrivateDir(fresh)
    expect(await mode(fresh)).toBe(0o700)
    const old = join(root, 'old')
    await mkdir(old, { mode: 0o755 })
    await chmod(old, 0o755)
    await ensurePrivateDir(old)
    expect(await mode(old)).toBe(0o700)
  })

  it('writes a file 0600 atomically, leaving no temp file, whatever the umask allowed before', async () => {
    const dir = await tempDir()
    const file = join(dir, 'data', 'settings.json')
    await writePrivateFileAtomic(file, 'one')
    await writePrivateFileAtomic(file, 'two')
    expect(await readFile(file, 'utf8')).toBe('two')
    expect(await mode(file)).toBe(0o600)
    expect(await mode(join(dir, 'data'))).toBe(0o700)
    expect(await readdir(join(dir, 'data'))).toEqual(['settings.json'])
  })

  it('narrows an existing world-readable file to 0600', async () => {
    const dir = await tempDir()
    const file = join(dir, 'journal.jsonl')
    await writeFile(file, 'x', { mode: 0o644 })
    await chmod(file, 0o644)
    await ensurePrivateFile(file)
    expect(await mode(file)).toBe(0o600)
    await ensurePrivateFile(join(dir, 'missing'))
  })
})
