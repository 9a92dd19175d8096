/**
 * Files with personal data or secrets: created 0600 in a 0700 folder (POSIX), so other local
 * accounts can read neither the files nor the folder's listing. Windows keeps its own ACLs; the
 * modes are skipped there.
 */
import { randomBytes } from 'node:crypto'
import { chmod, mkdir, open, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_DIR_MODE = 0o700
const POSIX = process.platform !== 'win32'

/**
 * Mode for `open(file, 'a', PRIVATE_APPEND_MODE)` and other writes that create a file in place:
 * new files are created 0600. An existing file keeps its mode: call `ensurePrivateFile` too.
 */
export const PRIVATE_APPEND_MODE = PRIVATE_FILE_MODE

/** Creates the folder (and parents) 0700, and narrows an existing one to 0700. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (POSIX) await narrow(dir, PRIVATE_DIR_MODE)
}

/** Narrows an existing file that others may read (written by an older version) to 0600. */
export async function ensurePrivateFile(file: string): Promise<void> {
  if (POSIX) await narrow(file, PRIVATE_FILE_MODE)
}

/**
 * Replaces `file` with `data` so that a crash leaves either the old or the new content: a 0600
 * temp file beside it, fsynced, renamed over it, then the folder fsynced.
 */
export async function writePrivateFileAtomic(
  file: string,
  data: string | Uint8Array,
): Promise<void> {
  const dir = dirname(file)
  await ensurePrivateDir(dir)
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', PRIVATE_FILE_MODE)
  try {
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  if (POSIX) await syncDir(dir)
}

async function narrow(path: string, mode: number): Promise<void> {
  try {
    const current = (await stat(path)).mode & 0o777
    if (current !== mode) await chmod(path, mode)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

/** The rename itself is durable only once the folder's entry is on disk. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null)
  if (!handle) return
  try {
    await handle.sync()
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic there.
  } finally {
    await handle.close()
  }
}
