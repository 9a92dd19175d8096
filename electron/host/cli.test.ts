import { spawn } from 'node:child_process'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../services/testing/temp-dir'

const tempDir = useTempDirs()
const root = resolve(__dirname, '../..')

/** Runs the web host CLI as `npm run start:web` does, to its exit. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KIOSK_LOG_LEVEL: 'error' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code) => {
      if (code === null) child.kill()
      done({ code, stdout, stderr })
    })
    setTimeout(() => child.kill('SIGKILL'), 30_000).unref()
  })
}

describe('web host CLI with unusable settings', () => {
  for (const [name, damage] of [
    ['not JSON', (file: string) => writeFile(file, 'oops')],
    ['a folder', (file: string) => mkdir(file)],
  ] as const) {
    it(`exits non-zero with a message naming the file when settings.json is ${name} and no copy exists`, async () => {
      const data = await tempDir()
      const renderer = await tempDir()
      await writeFile(join(renderer, 'index.html'), '<!doctype html>')
      const file = join(data, 'settings.json')
      await damage(file)
      const run = await runCli(['--data', data, '--renderer', renderer, '--port', '0', '--no-open'])
      expect(run.code).not.toBe(0)
      expect(run.code).not.toBeNull()
      expect(run.stderr).toContain(`${file} cannot be used`)
      expect(run.stderr).toMatch(/Restore settings\.json from a backup/)
      expect(run.stderr).not.toMatch(/\n\s+at /)
      expect(run.stdout).not.toContain('ready')
      expect((await readdir(data)).sort()).toEqual(['settings.json'])
    }, 40_000)
  }
})
