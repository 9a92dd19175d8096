/** Why a file or folder could not be written, as staff can act on it (not which syscall failed). */
export type WriteProblem = 'folder-gone' | 'not-a-folder' | 'read-only' | 'disk-full' | 'other'

/** The problem behind a failed write, from its Node error code. */
export function writeProblemOf(error: unknown): WriteProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT') return 'folder-gone'
  if (code === 'ENOTDIR') return 'not-a-folder'
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read-only'
  if (code === 'ENOSPC') return 'disk-full'
  return 'other'
}

const ENGLISH: Record<WriteProblem, string> = {
  'folder-gone': 'the folder does not exist (was the USB stick removed?)',
  'not-a-folder': 'it is not a folder',
  'read-only': 'the folder is read-only or not writable',
  'disk-full': 'the disk is full',
  other: '',
}

/** The English words for logs and the command line; an unknown failure keeps its own message. */
export function describeWriteProblem(error: unknown): string {
  const problem = writeProblemOf(error)
  return problem === 'other'
    ? error instanceof Error
      ? error.message
      : String(error)
    : ENGLISH[problem]
}
