/**
 * A throwaway PostgreSQL server for tests: Debian's binaries, a temporary data folder, a free
 * loopback port, trust authentication on 127.0.0.1 only. Nothing is faked: where the binaries
 * are missing, `findPostgres()` says why and the caller skips.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port'

const DEBIAN_ROOT = '/usr/lib/postgresql'

export type PostgresBinaries =
  | { available: true; binDir: string; runAs: { uid: number; gid: number } | null }
  | { available: false; reason: string }

export interface PostgresServer {
  /** Connection URL of the server's `postgres` database. */
  url: string
  port: number
  /** Stops the server and deletes its data folder. */
  stop(): Promise<void>
}

/**
 * Finds initdb, pg_ctl and postgres (`POSTGRES_BIN_DIR`, else the newest Debian version). As root
 * they must run as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export function findPostgres(): PostgresBinaries {
  const candidates = process.env.POSTGRES_BIN_DIR
    ? [process.env.POSTGRES_BIN_DIR]
    : existsSync(DEBIAN_ROOT)
      ? readdirSync(DEBIAN_ROOT)
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => join(DEBIAN_ROOT, v, 'bin'))
      : []
  const binDir = candidates.find((dir) =>
    ['initdb', 'pg_ctl', 'postgres'].every((bin) => existsSync(join(dir, bin))),
  )
  if (!binDir) {
    return {
      available: false,
      reason: `no PostgreSQL server binaries (initdb, pg_ctl, postgres) in ${process.env.POSTGRES_BIN_DIR ?? `${DEBIAN_ROOT}/*/bin`}; install Debian's "postgresql" package or set POSTGRES_BIN_DIR`,
    }
  }
  if (process.getuid?.() !== 0) return { available: true, binDir, runAs: null }
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    return { available: true, binDir, runAs: { uid, gid } }
  } catch {
    return {
      available: false,
      reason: 'running as root and there is no "postgres" user to run the server as',
    }
  }
}

/** Starts a fresh server; throws when PostgreSQL is not available (check findPostgres first). */
export async function startPostgresServer(): Promise<PostgresServer> {
  const found = findPostgres()
  if (!found.available) throw new Error(`PostgreSQL unavailable: ${found.reason}`)
  const root = await mkdtemp(join(tmpdir(), 'register-pg-'))
  if (found.runAs) await chown(root, found.runAs.uid, found.runAs.gid)
  const data = join(root, 'data')
  const run = (bin: string, args: string[]) => {
    const [command, ...rest] = found.runAs
      ? ['runuser', '-u', 'postgres', '--', join(found.binDir, bin), ...args]
      : [join(found.binDir, bin), ...args]
    const result = spawnSync(command!, rest, { encoding: 'utf8', cwd: root })
    if (result.status !== 0) {
      throw new Error(
        `${bin} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
      )
    }
  }
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ])
    for (let attempt = 1; ; attempt++) {
      const port = await freePort()
      const settings = [
        `-p ${port}`,
        `-k ${root}`,
        '-c listen_addresses=127.0.0.1',
        // Durability is pointless for a throwaway server, and costs test time.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ')
      try {
        run('pg_ctl', [
          'start',
          '-w',
          '-t',
          '30',
          '-D',
          data,
          '-l',
          join(root, 'server.log'),
          '-o',
          settings,
        ])
      } catch (error) {
        if (attempt < 3) continue
        throw error
      }
      let stopped = false
      const stopNow = () => {
        if (stopped) return
        stopped = true
        try {
          run('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', data])
        } catch {
          // Already gone; the folder is removed either way.
        }
      }
      // A test run cut short must not leave a server behind.
      process.once('exit', stopNow)
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        port,
        async stop() {
          process.off('exit', stopNow)
          stopNow()
          await rm(root, { recursive: true, force: true })
        },
      }
    }
  } catch (error) {
    await rm(root, { recursive: true, force: true })
    throw error
  }
}
