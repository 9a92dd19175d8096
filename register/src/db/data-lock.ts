import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

const held = new Set<string>()

/**
 * Claims a data folder for this process. PGlite is a single-process database: two processes (a
 * running register and a `token create`) opening one folder would corrupt it, so the second one
 * is refused with a message saying who holds it. A lock left by a dead process is taken over.
 * Returns the function that releases the claim.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(resolve(dir), 'register.lock')
  await mkdir(dir, { recursive: true })
  if (held.has(path)) throw new DataDirInUseError(dir, process.pid)
  for (;;) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim())
      if (owner && owner !== process.pid && isAlive(owner)) throw new DataDirInUseError(dir, owner)
      await rm(path, { force: true })
    }
  }
  held.add(path)
  return async () => {
    held.delete(path)
    await rm(path, { force: true })
  }
}

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The register data folder ${dir} is in use by process ${pid}. ` +
        'Stop that register first (the embedded database allows one process at a time).',
    )
    this.name = 'DataDirInUseError'
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
