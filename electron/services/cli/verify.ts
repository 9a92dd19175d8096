import { ExportInvalidError, readExportBatch } from '../export/read-batch'

const USAGE = 'Usage: npm run cli -- verify <export-folder>'

/**
 * `npm run cli -- verify <export-folder>`: checks a day batch against its manifest and prints
 * what it holds. Exit code 0 = intact, 1 = not intact (the message names the file), 2 = usage.
 */
export async function run(args: string[]): Promise<number> {
  const [folder, ...rest] = args
  if (!folder || rest.length > 0 || folder.startsWith('-')) {
    console.error(USAGE)
    return 2
  }
  try {
    const { folder: path, manifest } = await readExportBatch(folder)
    const { counts, timeRange } = manifest
    const lines: [string, string | number][] = [
      ['event', manifest.eventCode],
      ['kiosk', manifest.kioskId],
      ['day', manifest.day],
      ['records', counts.records],
      ['individuals', counts.individuals],
      ['organisations', counts.organisations],
      ['withdrawals', counts.withdrawals],
      ['audit entries', counts.auditEntries],
      ['first signature', timeRange?.first ?? '-'],
      ['last signature', timeRange?.last ?? '-'],
      ['app version', manifest.appVersion],
    ]
    console.log(`OK: ${path} matches its manifest.`)
    for (const [label, value] of lines) console.log(`  ${`${label}:`.padEnd(17)}${value}`)
    return 0
  } catch (error) {
    if (!(error instanceof ExportInvalidError)) throw error
    console.error(`NOT VALID: ${error.message}`)
    return 1
  }
}
