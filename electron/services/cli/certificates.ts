import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_SETTINGS, editableSettingsSchema } from '../../shared/settings'
import type { SignatureRecord } from '../../shared/signature'
import { hasCertificateStrings } from '../certificates/strings'
import { NoCertificatesError, writeCertificates } from '../certificates/bulk'
import type { CertificateSettings } from '../certificates/page'
import { ExportInvalidError, readExportBatch } from '../export/read-batch'
import { createProgress } from './progress'

const USAGE = `Usage: npm run cli -- certificates <export-folder> --out <file.pdf | -> [options]
  --out -                              write the PDF to stdout (messages and progress go to stderr)
  --lang <xx>                          print every certificate in this language (default: each signatory's)
  --only organisations|individuals     print only one kind of signatory
  --event-name <name>                  event name printed on the certificates (default: "${DEFAULT_SETTINGS.eventName}")
  --city <city>                        event city (default: ${DEFAULT_SETTINGS.eventCity})
  --time-zone <zone>                   event time zone for the signing date (default: ${DEFAULT_SETTINGS.timeZone})
  --verify-url <url>                   register base URL for the QR codes (default: ${DEFAULT_SETTINGS.verificationBaseUrl})`

const ONLY = { organisations: 'organisation', individuals: 'individual' } as const

/** Exit codes: 0 written, 1 the folder is not a valid export or nothing could be written, 2 usage. */
class UsageError extends Error {}

interface Command {
  folder: string
  /** A file path, or null for stdout. */
  out: string | null
  language?: string
  only?: keyof typeof ONLY
  settings: CertificateSettings
}

/**
 * `npm run cli -- certificates <export-folder> --out <file.pdf>`: turns a verified day batch into
 * one PDF, one certificate per page. The batch manifest carries no event name, city or time zone,
 * so those come from the kiosk defaults unless given as flags. Ctrl+C stops without leaving a file.
 */
export async function run(args: string[]): Promise<number> {
  let command: Command
  try {
    command = parseCommand(args)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`${error.message}\n${USAGE}`)
    return 2
  }

  let records: SignatureRecord[]
  try {
    const batch = await readExportBatch(command.folder)
    const withdrawn = new Set(batch.withdrawals.map((w) => w.id))
    records = batch.records.filter(
      (r) => !withdrawn.has(r.id) && (!command.only || r.capacity === ONLY[command.only]),
    )
  } catch (error) {
    if (!(error instanceof ExportInvalidError)) throw error
    console.error(`NOT VALID: ${error.message}`)
    return 1
  }
  if (command.language && !hasCertificateStrings(command.language)) {
    console.error(`No certificate texts for "${command.language}": printing in English.`)
  }

  const controller = new AbortController()
  const stop = () => controller.abort()
  process.once('SIGINT', stop)
  // stdout may be the PDF itself: progress and messages then go to stderr only.
  const say = command.out === null ? console.error : console.log
  const progress = createProgress({ noun: 'pages', total: records.length, stream: process.stderr })
  let started = false
  try {
    const { count } = await writeCertificates(
      records,
      command.out ?? process.stdout,
      command.settings,
      {
        language: command.language,
        signal: controller.signal,
        onProgress: (done) => {
          started = true
          progress.update(done)
        },
      },
    )
    progress.end()
    say(`Wrote ${count} certificate${count === 1 ? '' : 's'} to ${command.out ?? 'stdout'}`)
    return 0
  } catch (error) {
    if (started) progress.end()
    if (error instanceof NoCertificatesError) {
      const what = command.only ? `${command.only} ` : ''
      console.error(`No ${what}signatures in this export: no PDF written.`)
      return 1
    }
    if (controller.signal.aborted) {
      console.error(
        command.out === null
          ? 'Stopped: the PDF on stdout is incomplete.'
          : 'Stopped: no PDF written.',
      )
      return 130
    }
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC') {
      console.error(`Cannot write ${command.out ?? 'stdout'}: ${(error as Error).message}`)
      return 1
    }
    throw error
  } finally {
    process.off('SIGINT', stop)
  }
}

function parseCommand(args: string[]): Command {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        lang: { type: 'string' },
        only: { type: 'string' },
        'event-name': { type: 'string' },
        city: { type: 'string' },
        'time-zone': { type: 'string' },
        'verify-url': { type: 'string' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const [folder, ...extra] = positionals
  if (!folder) throw new UsageError('Which export folder?')
  if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}".`)
  if (!values.out) throw new UsageError('Where should the PDF go? Give --out <file.pdf>.')
  if (values.lang !== undefined && !/^[a-z]{2}$/.test(values.lang)) {
    throw new UsageError(
      `--lang takes a two-letter language code such as fr, not "${values.lang}".`,
    )
  }
  if (values.only !== undefined && !(values.only in ONLY)) {
    throw new UsageError(`--only takes "organisations" or "individuals", not "${values.only}".`)
  }
  const settings = editableSettingsSchema
    .pick({ eventName: true, eventCity: true, timeZone: true, verificationBaseUrl: true })
    .safeParse({
      eventName: values['event-name'] ?? DEFAULT_SETTINGS.eventName,
      eventCity: values.city ?? DEFAULT_SETTINGS.eventCity,
      timeZone: values['time-zone'] ?? DEFAULT_SETTINGS.timeZone,
      verificationBaseUrl: values['verify-url'] ?? DEFAULT_SETTINGS.verificationBaseUrl,
    })
  if (!settings.success) {
    const issue = settings.error.issues[0]
    throw new UsageError(`--${flagFor(String(issue?.path[0]))}: ${issue?.message ?? 'invalid'}`)
  }
  return {
    folder,
    out: values.out === '-' ? null : resolve(values.out),
    language: values.lang,
    only: values.only as keyof typeof ONLY | undefined,
    settings: settings.data,
  }
}

function flagFor(setting: string): string {
  const flags: Record<string, string> = {
    eventName: 'event-name',
    eventCity: 'city',
    timeZone: 'time-zone',
    verificationBaseUrl: 'verify-url',
  }
  return flags[setting] ?? setting
}
