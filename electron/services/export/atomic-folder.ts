import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BatchFile } from './batch-files'

/**
 * Writes `files` into `<parentDir>/<name>/` so that the folder either does not change or is
 * replaced by a complete one: the files go to a hidden temp folder beside it (same parent, hence
 * same device, so the final rename is atomic), each fsynced, then the folder is renamed into place.
 * An existing folder of that name is moved aside first and removed only once the new one is in
 * place. Leftovers of an earlier interrupted write (a pulled USB stick) are cleared first.
 * Resolves to the final folder path.
 */
export async function writeFolderAtomically(
  parentDir: string,
  name: string,
  files: readonly BatchFile[],
  onFileWritten?: (file: string) => void,
): Promise<string> {
  const info = await stat(parentDir)
  if (!info.isDirectory()) {
    throw Object.assign(new Error(`${parentDir} is not a folder`), { code: 'ENOTDIR' })
  }
  await removeLeftovers(parentDir, name, 'partial')
  const target = join(parentDir, name)
  const temp = join(parentDir, `.${name}.partial-${randomBytes(4).toString('hex')}`)
  await mkdir(temp)
  try {
    for (const file of files) {
      await writeDurably(join(temp, file.name), file.data)
      onFileWritten?.(file.name)
    }
    await syncFolder(temp)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
  const aside = join(parentDir, `.${name}.old-${randomBytes(4).toString('hex')}`)
  const replacing = await exists(target)
  try {
    if (replacing) await rename(target, aside)
    try {
      await rename(temp, target)
    } catch (error) {
      if (replacing) await rename(aside, target)
      throw error
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
  await syncFolder(parentDir)
  try {
    await removeLeftovers(parentDir, name, 'old')
  } catch {
    // The new batch is in place; a stuck old copy is hidden and cleared by the next export.
  }
  return target
}

async function writeDurably(path: string, data: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Makes the folder's entries (new names) durable. Best effort: Windows and some USB file systems
 * refuse to open or fsync a folder, and there the rename is as durable as it gets anyway.
 */
async function syncFolder(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // see above
  }
}

async function removeLeftovers(parentDir: string, name: string, kind: 'partial' | 'old') {
  const prefix = `.${name}.${kind}-`
  const entries = await readdir(parentDir)
  await Promise.all(
    entries
      .filter((entry) => entry.startsWith(prefix))
      .map((entry) => rm(join(parentDir, entry), { recursive: true, force: true })),
  )
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}
