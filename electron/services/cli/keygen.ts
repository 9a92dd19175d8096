import { open } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { generateKeyPair } from '../export/encryption'

const USAGE = 'Usage: npm run cli -- keygen --out <identity-file>'

/**
 * `npm run cli -- keygen --out <file>`: makes the organisers' key pair. The identity (secret key)
 * goes to a new file readable by its owner only (0600), in the layout of `age-keygen`; the public
 * key is printed, for the kiosks' settings. An existing file is never overwritten.
 */
export async function run(args: string[]): Promise<number> {
  let out: string
  try {
    const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } } })
    if (!values.out || positionals.length > 0) throw new Error('usage')
    out = values.out
  } catch {
    console.error(USAGE)
    return 2
  }
  const { identity, recipient } = await generateKeyPair()
  let handle
  try {
    handle = await open(out, 'wx', 0o600)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    console.error(
      code === 'EEXIST'
        ? `${out} already exists: not overwritten (it may be the only copy of a key).`
        : `Cannot create ${out}: ${(error as Error).message}`,
    )
    return 1
  }
  try {
    await handle.writeFile(
      `# created: ${new Date().toISOString()}\n# public key: ${recipient}\n${identity}\n`,
    )
    await handle.sync()
  } finally {
    await handle.close()
  }
  console.log(
    `Secret key written to ${out} (keep it safe: without it encrypted exports cannot be read).`,
  )
  console.log(`Public key, for the kiosks' settings (Export public key):`)
  console.log(recipient)
  return 0
}
