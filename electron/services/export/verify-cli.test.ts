import { spawn } from 'node:child_process'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dir'
import { DAY, exportDay, sampleDay } from './test-helpers'

const newDir = useTempDirs()
const ROOT = resolve(import.meta.dirname, '../../..')

/** Runs the organisers' CLI as they would (`npx tsx electron/services/cli/index.ts …`). */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'electron/services/cli/index.ts', ...args], { cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

describe('npm run cli -- verify', () => {
  it('accepts a good export and prints what it holds (exit 0)', async () => {
    const { folder } = await exportDay(await newDir())
    const individuals = sampleDay().records.filter((r) => r.capacity === 'individual').length
    const { code, stdout } = await cli('verify', folder)
    expect(code).toBe(0)
    expect(stdout).toContain(`OK: ${folder}`)
    expect(stdout).toMatch(/records:\s+40\n/)
    expect(stdout).toMatch(new RegExp(`individuals:\\s+${individuals}\\n`))
    expect(stdout).toMatch(new RegExp(`organisations:\\s+${40 - individuals}\\n`))
    expect(stdout).toMatch(/withdrawals:\s+2\n/)
    expect(stdout).toMatch(/kiosk:\s+B03\n/)
    expect(stdout).toMatch(new RegExp(`day:\\s+${DAY}\\n`))
  })

  it('rejects a tampered export, naming the file (exit 1)', async () => {
    const { folder } = await exportDay(await newDir())
    const path = join(folder, 'signatures.csv')
    await writeFile(path, (await readFile(path, 'utf8')).replace('yes', 'no!'))
    const { code, stdout, stderr } = await cli('verify', folder)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/NOT VALID: signatures\.csv .*manifest\.json/)
  })

  it('rejects a folder that is not an export (exit 1)', async () => {
    const { code, stderr } = await cli('verify', await newDir())
    expect(code).toBe(1)
    expect(stderr).toContain('manifest.json is missing: not an export folder')
  })

  it('prints usage without a folder (exit 2)', async () => {
    const { code, stderr } = await cli('verify')
    expect(code).toBe(2)
    expect(stderr).toContain('Usage: npm run cli -- verify <export-folder>')
  })
})

describe('npm run cli -- keygen / decrypt / verify --key', () => {
  it('makes a 0600 key file, verifies an encrypted export with and without it, and decrypts it to the plain batch', async () => {
    const dir = await newDir()
    const keyFile = join(dir, 'organisers.key')
    const keygen = await cli('keygen', '--out', keyFile)
    expect(keygen.code).toBe(0)
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600)
    const recipient = /^(age1[0-9a-z]{58})$/m.exec(keygen.stdout)?.[1]
    expect(recipient).toBeDefined()
    expect(await readFile(keyFile, 'utf8')).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/m)
    expect((await cli('keygen', '--out', keyFile)).code).toBe(1)

    const encrypted = await exportDay(await newDir(), { recipient: recipient! })
    const plain = await exportDay(await newDir())
    const hashesOnly = await cli('verify', encrypted.folder)
    expect(hashesOnly.code).toBe(0)
    expect(hashesOnly.stdout).toContain('encrypted files checked by their SHA-256')
    expect(hashesOnly.stdout).toMatch(/encrypted:\s+yes, to age1/)

    const withKey = await cli('verify', encrypted.folder, '--key', keyFile)
    expect(withKey.code).toBe(0)
    expect(withKey.stdout).toContain('(decrypted and checked)')

    const out = join(dir, 'plain')
    const decrypted = await cli('decrypt', encrypted.folder, '--key', keyFile, '--out', out)
    expect(decrypted.code).toBe(0)
    expect((await readdir(out)).sort()).toEqual((await readdir(plain.folder)).sort())
    for (const name of await readdir(plain.folder)) {
      expect(
        (await readFile(join(out, name))).equals(await readFile(join(plain.folder, name))),
      ).toBe(true)
    }
    const verified = await cli('verify', out)
    expect(verified.code).toBe(0)
    expect(verified.stdout).toMatch(/encrypted:\s+no/)
  }, 60_000)

  it('refuses to decrypt with a file that holds no key (exit 1)', async () => {
    const dir = await newDir()
    const { recipient } = await (await import('./encryption')).generateKeyPair()
    const { folder } = await exportDay(await newDir(), { recipient })
    await writeFile(join(dir, 'empty.key'), '# nothing here\n')
    const result = await cli('decrypt', folder, '--key', join(dir, 'empty.key'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('holds no age secret key')
  })
})
