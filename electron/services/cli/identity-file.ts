import { readFile } from 'node:fs/promises'
import { parseIdentityFile } from '../export/encryption'
import { ExportInvalidError } from '../export/read-batch'

/** The age identity in a key file made by `keygen` (or `age-keygen`); a clear error otherwise. */
export async function readIdentityFile(path: string): Promise<string> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new ExportInvalidError(`cannot read the key file ${path}: ${(error as Error).message}`)
  }
  const identity = parseIdentityFile(text)
  if (!identity) {
    throw new ExportInvalidError(`${path} holds no age secret key (AGE-SECRET-KEY-1…)`)
  }
  return identity
}
