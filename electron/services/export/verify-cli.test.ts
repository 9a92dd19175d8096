import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dir'
import { exportDay, sampleDay } from './test-helpers'

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
    const { folder, manifest } = await exportDay(await newDir())
    const individuals = sampleDay().records.filter((r) => r.capacity === 'individual').length
    const { code, stdout } = await cli('verify', folder)
    expect(code).toBe(0)
    expect(stdout).toContain(`OK: ${folder}`)
    expect(stdout).toMatch(/records:\s+40\n/)
    expect(stdout).toMatch(new RegExp(`individuals:\\s+${individuals}\\n`))
    expect(stdout).toMatch(new RegExp(`organisations:\\s+${40 - individuals}\\n`))
    expect(stdout).toMatch(/withdrawals:\s+2\n/)
    expect(stdout).toMatch(/kiosk:\s+B03\n/)
    expect(stdout).toContain(manifest.day)
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
