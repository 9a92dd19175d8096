import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dirs'
import { lockDataDir } from './db/data-lock'
import { hashToken } from './tokens'

const CLI = join(import.meta.dirname, 'cli.ts')

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { env: { ...process.env, DATABASE_URL: '' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

const tempDir = useTempDirs()

/** Every file of a folder, recursively, read as bytes. */
async function allBytes(dir: string): Promise<Buffer[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name))),
  )
}

// Each CLI run is a Node process opening PGlite: slow on a busy machine, hence the timeouts.
const SLOW = { timeout: 120_000 }

it(
  'creates and revokes kiosk tokens from the command line, storing only their hashes',
  SLOW,
  async () => {
    const dataDir = await tempDir()

    const created = await cli(['token', 'create', '--kiosk', 'B02', '--data', dataDir])
    expect(created.code).toBe(0)
    const token = created.stdout.trim()
    expect(token).toMatch(/^ckr_[A-Za-z0-9_-]{43}$/)
    expect(created.stderr).toMatch(/shown only this once/)

    // At rest, on disk: the hash is there, the token nowhere (tables, WAL, anything).
    const files = await allBytes(dataDir)
    expect(files.some((bytes) => bytes.includes(hashToken(token)))).toBe(true)
    expect(files.some((bytes) => bytes.includes(token))).toBe(false)

    const revoked = await cli(['token', 'revoke', '--kiosk', 'B02', '--data', dataDir])
    expect(revoked.code).toBe(0)
    expect(revoked.stdout).toMatch(/Revoked 1 token of kiosk B02/)
  },
)

it('refuses to open an embedded database another process is using', SLOW, async () => {
  const dataDir = await tempDir()
  // This test process holds the folder, as a running register would.
  const release = await lockDataDir(dataDir)
  try {
    const refused = await cli(['token', 'create', '--kiosk', 'B02', '--data', dataDir])

    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(new RegExp(`in use by process ${process.pid}`))
  } finally {
    await release()
  }
})

it('explains its usage when storage or the command is missing', SLOW, async () => {
  const [noStorage, unknown, badKiosk] = await Promise.all([
    cli(['serve', '--port', '0']),
    cli(['tokens', 'make']),
    cli(['token', 'create', '--data', '/nonexistent/never-created']),
  ])

  expect(noStorage.code).toBe(2)
  expect(noStorage.stderr).toMatch(/Give --data <dir>/)
  expect(unknown.code).toBe(2)
  expect(unknown.stderr).toMatch(/Unknown command "tokens make"/)
  expect(badKiosk.code).toBe(2)
  expect(badKiosk.stderr).toMatch(/needs --kiosk/)
})
