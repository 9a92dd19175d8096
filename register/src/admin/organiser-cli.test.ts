import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { useTempDirs } from '../../testing/temp-dirs'
import { openStorage } from '../db/open'
import { verifyPassword } from './passwords'

const CLI = join(import.meta.dirname, '..', 'cli.ts')
const tempDir = useTempDirs()

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { env: { ...process.env, DATABASE_URL: '' } },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        })
      },
    )
  })
}

it(
  'creates an organiser from the command line, printing the password once and storing only its hash',
  { timeout: 120_000 },
  async () => {
    const dataDir = await tempDir()

    const created = await cli([
      'organiser',
      'create',
      '--name',
      'anna',
      '--role',
      'admin',
      '--data',
      dataDir,
    ])

    expect(created.code).toBe(0)
    const password = created.stdout.trim()
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(created.stderr).toMatch(/shown only this once/)
    const files = await readdir(dataDir, { recursive: true, withFileTypes: true })
    const bytes = await Promise.all(
      files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name))),
    )
    expect(bytes.some((b) => b.includes(password))).toBe(false)

    const again = await cli(['organiser', 'create', '--name', 'anna', '--data', dataDir])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/exists already/)
    const badRole = await cli([
      'organiser',
      'create',
      '--name',
      'bob',
      '--role',
      'root',
      '--data',
      dataDir,
    ])
    expect(badRole.code).toBe(2)
    const badName = await cli(['organiser', 'create', '--name', 'Bob Smith', '--data', dataDir])
    expect(badName.code).toBe(1)

    const db = await openStorage({ dataDir })
    try {
      const rows = await db.query<{ name: string; role: string; password_hash: string }>(
        'SELECT name, role, password_hash FROM organisers',
      )
      expect(rows.map((r) => [r.name, r.role])).toEqual([['anna', 'admin']])
      expect(await verifyPassword(password, rows[0]!.password_hash)).toBe(true)
    } finally {
      await db.close()
    }
  },
)
