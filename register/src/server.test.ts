import { expect, it } from 'vitest'
import { sampleBatch, sampleRecord } from '../testing/batches-fixtures'
import { useTempDirs } from '../testing/temp-dirs'
import { submitBatch } from './batches'
import { openStorage } from './db/open'
import { startServer } from './server'

const tempDir = useTempDirs()

async function seeded(dataDir: string) {
  const db = await openStorage({ dataDir })
  try {
    await submitBatch(db, sampleBatch([sampleRecord(1), sampleRecord(2)]))
    await db.query(
      `UPDATE signatures SET received_at = now() - interval '40 days' WHERE certificate_no = $1`,
      [sampleRecord(1).certificateNo],
    )
  } finally {
    await db.close()
  }
}

async function firstNames(dataDir: string) {
  const db = await openStorage({ dataDir })
  try {
    const rows = await db.query<{ name: string | null }>(
      `SELECT record ->> 'firstName' AS name FROM signatures ORDER BY certificate_no`,
    )
    return rows.map((r) => r.name)
  } finally {
    await db.close()
  }
}

// Each PGlite start costs seconds on a busy machine, hence one folder and a long timeout.
it(
  'purges old personal data at start when given a retention period',
  { timeout: 120_000 },
  async () => {
    const dataDir = await tempDir()
    await seeded(dataDir)

    const register = await startServer({ dataDir, port: 0, retentionDays: 30 })
    await register.close()

    expect(await firstNames(dataDir)).toEqual([null, 'Łukasz'])
  },
)
