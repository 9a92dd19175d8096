import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sampleBatch, sampleRecord } from '../testing/batches-fixtures'
import { findPostgres, startPostgresServer } from '../testing/postgres-server'
import { useTempDirs } from '../testing/temp-dirs'
import { submitBatch } from './batches'
import { lockDataDir } from './db/data-lock'
import { openStorage, type StorageOptions } from './db/open'
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
  const [noStorage, unknown, badKiosk, badRetention] = await Promise.all([
    cli(['serve', '--port', '0']),
    cli(['tokens', 'make']),
    cli(['token', 'create', '--data', '/nonexistent/never-created']),
    cli(['serve', '--retention-days', 'soon', '--data', '/nonexistent/never-created']),
  ])

  expect(noStorage.code).toBe(2)
  expect(noStorage.stderr).toMatch(/Give --data <dir>/)
  expect(unknown.code).toBe(2)
  expect(unknown.stderr).toMatch(/Unknown command "tokens make"/)
  expect(badKiosk.code).toBe(2)
  expect(badKiosk.stderr).toMatch(/needs --kiosk/)
  expect(badRetention.code).toBe(2)
  expect(badRetention.stderr).toMatch(/--retention-days must be a whole number of days or "off"/)
})

describe.each(['embedded', 'postgres'] as const)('purge on the %s database', (kind) => {
  const postgres = findPostgres()
  const skip = kind === 'postgres' && !postgres.available
  if (skip)
    console.warn(`SKIPPED CLI purge on PostgreSQL: ${postgres.available || postgres.reason}`)

  it.skipIf(skip)(
    'purges the personal data of old signatures from the command line and says what it did',
    SLOW,
    async () => {
      const server = kind === 'postgres' ? await startPostgresServer() : undefined
      try {
        const storage: StorageOptions = server
          ? { databaseUrl: server.url }
          : { dataDir: await tempDir() }
        const args = server ? ['--database-url', server.url] : ['--data', storage.dataDir ?? '']
        const db = await openStorage(storage)
        try {
          await submitBatch(db, sampleBatch([sampleRecord(1), sampleRecord(2)]))
          await db.query(
            `UPDATE signatures SET received_at = now() - interval '40 days' WHERE certificate_no = $1`,
            [sampleRecord(1).certificateNo],
          )
        } finally {
          await db.close()
        }

        const purged = await cli(['purge', '--older-than-days', '30', ...args])
        const missing = await cli(['purge', ...args])

        expect(purged.stderr).toBe('')
        expect(purged.code).toBe(0)
        expect(purged.stdout).toMatch(/Purged the personal data of 1 signature registered before/)
        expect(missing.code).toBe(2)
        expect(missing.stderr).toMatch(/purge needs --older-than-days/)
        const after = await openStorage(storage)
        try {
          const rows = await after.query<{ first_name: string | null }>(
            `SELECT record ->> 'firstName' AS first_name FROM signatures ORDER BY certificate_no`,
          )
          expect(rows.map((r) => r.first_name)).toEqual([null, 'Łukasz'])
        } finally {
          await after.close()
        }
      } finally {
        await server?.stop()
      }
    },
  )
})
