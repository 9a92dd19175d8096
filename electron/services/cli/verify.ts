import { parseArgs } from 'node:util'
import {
  ExportInvalidError,
  ExportKeyNeededError,
  checkExportBatch,
  readExportBatch,
} from '../export/read-batch'
import { manifestScope } from '../export/manifest'
import { readIdentityFile } from './identity-file'

const USAGE = 'Usage: npm run cli -- verify <export-folder> [--key <identity-file>]'

/**
 * `npm run cli -- verify <export-folder> [--key <file>]`: checks a day batch against its manifest
 * and prints what it holds. An encrypted batch is checked by the encrypted files' hashes; with
 * `--key` it is also decrypted and its content checked. Exit code 0 = intact, 1 = not intact
 * (the message names the file), 2 = usage.
 */
export async function run(args: string[]): Promise<number> {
  let folder: string
  let keyFile: string | undefined
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { key: { type: 'string' } },
    })
    if (positionals.length !== 1 || positionals[0]!.startsWith('-')) throw new Error('usage')
    folder = positionals[0]!
    keyFile = values.key
  } catch {
    console.error(USAGE)
    return 2
  }
  try {
    const identity = keyFile ? await readIdentityFile(keyFile) : undefined
    const batch = identity
      ? await readExportBatch(folder, { identity })
      : await checkExportBatch(folder)
    const { counts, timeRange } = batch.manifest
    const scope = manifestScope(batch.manifest)
    const encryptedTo =
      'encryptedTo' in batch ? batch.encryptedTo : batch.manifest.encryption.recipient
    const contentChecked = 'records' in batch
    const lines: [string, string | number][] = [
      ['event', batch.manifest.eventCode],
      [scope.union ? 'kiosks' : 'kiosk', scope.kioskIds.join(', ')],
      [scope.union ? 'days' : 'day', scope.days.join(', ')],
      ['records', counts.records],
      ['individuals', counts.individuals],
      ['organisations', counts.organisations],
      ['withdrawals', counts.withdrawals],
      ['audit entries', counts.auditEntries],
      ['first signature', timeRange?.first ?? '-'],
      ['last signature', timeRange?.last ?? '-'],
      ['app version', batch.manifest.appVersion],
      ['encrypted', encryptedTo ? `yes, to ${encryptedTo}` : 'no'],
    ]
    console.log(
      contentChecked
        ? `OK: ${batch.folder} matches its manifest${encryptedTo ? ' (decrypted and checked)' : ''}.`
        : `OK: ${batch.folder} matches its manifest (encrypted files checked by their SHA-256; give --key to check the content too).`,
    )
    for (const [label, value] of lines) console.log(`  ${`${label}:`.padEnd(17)}${value}`)
    return 0
  } catch (error) {
    if (error instanceof ExportInvalidError || error instanceof ExportKeyNeededError) {
      console.error(`NOT VALID: ${error.message}`)
      return 1
    }
    throw error
  }
}
