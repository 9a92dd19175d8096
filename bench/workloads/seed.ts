import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { JOURNAL_FILE } from '../../electron/services/journal'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { sampleSignatures } from '../../electron/shared/testing/sample-signatures'
import { seedJournal } from '../../e2e/support/seed-journal'

const USAGE =
  'npm run bench -- seed --count 100000 --data <dir> [--first-day 2026-10-12] [--days 4] [--seed 1]'

/**
 * The kiosk a fresh data folder has (DEFAULT_SETTINGS): the restore advances this kiosk's
 * certificate counter past the seeded numbers, so new signatures continue after them.
 */
const KIOSK = DEFAULT_SETTINGS.kioskId
const EVENT = DEFAULT_SETTINGS.eventCode

/**
 * `npm run bench -- seed`: fills a kiosk data folder with realistic signatures (the tests'
 * generator: names from every EU language, both capacities, every country, spread over the event's
 * days and opening hours) in its on-disk journal, the way a kiosk leaves it. At its first start
 * on that folder the app restores them into the browser's IndexedDB through its own restore path.
 */
export async function seedCommand(argv: string[]): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        count: { type: 'string', default: '100000' },
        data: { type: 'string' },
        'first-day': { type: 'string', default: '2026-10-12' },
        days: { type: 'string', default: '4' },
        seed: { type: 'string', default: '1' },
      },
      strict: true,
    }).values
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  const count = Number(values.count)
  const days = Number(values.days)
  const seed = Number(values.seed)
  if (!values.data) {
    console.error(`--data <dir> is required.\n${USAGE}`)
    return 2
  }
  if (!Number.isInteger(count) || count < 1 || count > 999_999) {
    console.error(`--count must be a whole number from 1 to 999999, not "${values.count}".`)
    return 2
  }
  if (!Number.isInteger(days) || days < 1 || !Number.isInteger(seed)) {
    console.error(`--days and --seed must be whole numbers (days at least 1).`)
    return 2
  }
  const dataDir = resolve(values.data)
  const journal = resolve(dataDir, JOURNAL_FILE)
  if (existsSync(journal) && statSync(journal).size > 0) {
    console.error(
      `${journal} already holds signatures: seeding it again would repeat certificate numbers. ` +
        'Choose an empty or new folder.',
    )
    return 1
  }
  const started = performance.now()
  const records = sampleSignatures({
    count,
    seed,
    kioskId: KIOSK,
    eventCode: EVENT,
    firstDay: values['first-day'],
    days,
  })
  await seedJournal(dataDir, records)
  const individuals = records.filter((r) => r.capacity === 'individual').length
  const countries = new Set(records.map((r) => r.country)).size
  const languages = new Set(records.map((r) => r.language)).size
  console.log(
    `Wrote ${count} signatures (${individuals} individuals, ${count - individuals} organisations, ` +
      `${countries} countries, ${languages} languages, ${days} day(s) from ${values['first-day']}) ` +
      `to ${journal} in ${Math.round(performance.now() - started)} ms.`,
  )
  console.log(
    [
      '',
      `Start the web host on it (the signatures are kiosk ${KIOSK}'s at ${EVENT}, the settings of a new folder):`,
      `  npm run start:web -- --data ${dataDir} --port 8480`,
      'then open the printed URL in Chromium. At its first start the app restores the signatures',
      'from this journal into the browser profile (a fresh profile restores them all; a profile',
      'that already has them restores nothing). Staff PIN: set on first use (Ctrl+Shift+S).',
    ].join('\n'),
  )
  return 0
}
