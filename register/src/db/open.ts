import { join } from 'node:path'
import type { Db } from './db'
import { lockDataDir } from './data-lock'
import { migrate } from './migrate'
import { openPglite } from './pglite'
import { openPostgres } from './postgres'

/** Where the register keeps its data: a PostgreSQL URL, or else a folder for the embedded database. */
export interface StorageOptions {
  databaseUrl?: string
  dataDir?: string
}

/** Opens the database the options name and brings its schema up to date. */
export async function openStorage(options: StorageOptions): Promise<Db> {
  if (options.databaseUrl) {
    const db = await openPostgres(options.databaseUrl)
    return migrated(db)
  }
  if (!options.dataDir) throw new Error('Give --data <dir> (embedded database) or --database-url.')
  const release = await lockDataDir(options.dataDir)
  try {
    const db = await openPglite(join(options.dataDir, 'pglite'))
    return migrated({
      ...db,
      async close() {
        await db.close()
        await release()
      },
    })
  } catch (error) {
    await release()
    throw error
  }
}

/** Where the storage options point, for the start-up line (never prints a password). */
export function describeStorage(options: StorageOptions): string {
  if (!options.databaseUrl) return `embedded database in ${options.dataDir}`
  try {
    const url = new URL(options.databaseUrl)
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`
  } catch {
    return 'PostgreSQL'
  }
}

async function migrated(db: Db): Promise<Db> {
  try {
    await migrate(db)
    return db
  } catch (error) {
    await db.close()
    throw error
  }
}
