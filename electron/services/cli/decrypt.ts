import { basename, dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { manifestFile, type BatchFile } from '../export/batch-files'
import { writeFolderAtomically } from '../export/atomic-folder'
import { BATCH_FILES } from '../export/manifest'
import { ExportInvalidError, readExportBatch } from '../export/read-batch'
import { readIdentityFile } from './identity-file'

const USAGE =
  'Usage: npm run cli -- decrypt <encrypted-export-folder> --key <identity-file> [--out <folder>]'

/**
 * `npm run cli -- decrypt <folder> --key <file> [--out <folder>]`: writes the plain batch of an
 * encrypted export (default: `<folder>-decrypted` beside it), after checking the encrypted files
 * against their manifest and the decrypted content as `verify` does. The plain folder is the same,
 * byte for byte, as an unencrypted export of the same data, so `verify` accepts it.
 */
export async function run(args: string[]): Promise<number> {
  let folder: string
  let keyFile: string
  let out: string
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { key: { type: 'string' }, out: { type: 'string' } },
    })
    if (positionals.length !== 1 || !values.key) throw new Error('usage')
    folder = resolve(positionals[0]!)
    keyFile = values.key
    out = resolve(values.out ?? `${folder}-decrypted`)
  } catch {
    console.error(USAGE)
    return 2
  }
  if (out === folder) {
    console.error(`The output folder must not be the encrypted folder itself.\n${USAGE}`)
    return 2
  }
  try {
    const batch = await readExportBatch(folder, { identity: await readIdentityFile(keyFile) })
    if (!batch.encryptedTo) {
      console.error(`NOT ENCRYPTED: ${folder} is a plain export already; nothing to decrypt.`)
      return 1
    }
    const files: BatchFile[] = BATCH_FILES.map((name) => ({ name, data: batch.files[name] }))
    files.push(manifestFile(batch.manifest))
    const written = await writeFolderAtomically(dirname(out), basename(out), files)
    console.log(`Decrypted ${batch.manifest.counts.records} records to ${written}.`)
    return 0
  } catch (error) {
    if (!(error instanceof ExportInvalidError)) throw error
    console.error(`NOT VALID: ${error.message}`)
    return 1
  }
}
