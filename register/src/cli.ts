/**
 * `npm run register -- [serve] --port <p> --data <dir> [--database-url <url>]`
 * `npm run register -- token create|revoke --kiosk <id> --data <dir> [--database-url <url>]`
 * `npm run register -- purge --older-than-days <n> --data <dir> [--database-url <url>]`
 * `npm run register -- organiser create --name <name> [--role organiser|admin] --data <dir>`
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { AGE_RECIPIENT } from '../../electron/shared/age-recipient'
import { pino } from 'pino'
import { describeStorage, type StorageOptions } from './db/open'
import { purgePersonalDataIn } from './purge'
import { startServer } from './server'
import { createTokenIn, revokeTokensIn } from './token-admin'
import { DEFAULT_SETTINGS, LANGUAGES, type Language } from '../../electron/shared/settings'
import { createOrganiserIn, ORGANISER_ROLES, type OrganiserRole } from './admin/organisers'

const USAGE = `Usage:
  npm run register -- [serve] --port <p> --data <dir> [--database-url <url>] [--host <addr>]
                      [--rate-limit <batches per minute per token>] [--trust-proxy]
                      [--retention-days <n>|off]
                      [--event-name <text>] [--event-city <text>] [--time-zone <IANA zone>]
                      [--public-url <register's public URL, for certificate QR codes>]
                      [--export-recipient <organisers' age public key, age1…>]
                      [--languages <codes the /live page shows in turn, e.g. en,fr,de>]
  npm run register -- token create --kiosk <id> --data <dir> [--database-url <url>]
  npm run register -- token revoke --kiosk <id> --data <dir> [--database-url <url>]
  npm run register -- purge --older-than-days <n> --data <dir> [--database-url <url>]
  npm run register -- organiser create --name <name> [--role organiser|admin] --data <dir>
                      [--database-url <url>]

Retention: --retention-days <n> (or REGISTER_RETENTION_DAYS) makes the running register remove
the personal data of signatures registered more than n days ago, hourly; default off. purge does
it once, now.

Exports: with --export-recipient (or REGISTER_EXPORT_RECIPIENT), signatures leave the register
only as prepared exports encrypted to that key (the console's Prepare export); make the key pair
with \`npm run cli -- keygen\`.

Storage: the embedded database in --data <dir>, or PostgreSQL when --database-url (or the
DATABASE_URL environment variable) is given.
Test-only: --fail-batches <n> answers the first n batches 500; --drop-after-commit <n> commits
the first n batches and drops the connection without answering.`

class UsageError extends Error {}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  'database-url': { type: 'string' },
  kiosk: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'event-name': { type: 'string' },
  'event-city': { type: 'string' },
  'time-zone': { type: 'string' },
  'public-url': { type: 'string' },
  'export-recipient': { type: 'string' },
  languages: { type: 'string' },
  'rate-limit': { type: 'string' },
  'retention-days': { type: 'string' },
  'older-than-days': { type: 'string' },
  'fail-batches': { type: 'string' },
  'drop-after-commit': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

function parse() {
  try {
    return parseArgs({ allowPositionals: true, strict: true, options: OPTIONS })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

let parsed: ReturnType<typeof parse> | undefined

function text(name: Exclude<keyof typeof OPTIONS, 'help' | 'trust-proxy'>): string | undefined {
  return parsed?.values[name]
}

function count(name: Parameters<typeof text>[0], fallback?: number): number | undefined {
  const value = text(name)
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${name} must be a whole number, not "${value}".`)
  return Number(value)
}

function timeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    throw new UsageError(`--time-zone "${zone}" is no time zone, e.g. Europe/Brussels.`)
  }
}

function storage(): StorageOptions {
  const databaseUrl = text('database-url') ?? process.env.DATABASE_URL ?? undefined
  const dataDir = text('data')
  if (!databaseUrl && !dataDir) {
    throw new UsageError('Give --data <dir> (embedded database) or --database-url <url>.')
  }
  return { databaseUrl: databaseUrl || undefined, dataDir }
}

/** `--retention-days` or REGISTER_RETENTION_DAYS: a number of days, or off (the default). */
function retentionDays(): number | undefined {
  const value = text('retention-days') ?? (process.env.REGISTER_RETENTION_DAYS || undefined)
  if (value === undefined || value === 'off') return undefined
  if (!/^\d+$/.test(value)) {
    throw new UsageError(
      `--retention-days must be a whole number of days or "off", not "${value}".`,
    )
  }
  return Number(value)
}

/** `--export-recipient` or REGISTER_EXPORT_RECIPIENT: an age public key, or none. */
function exportRecipient(): string | null {
  const value = text('export-recipient') ?? (process.env.REGISTER_EXPORT_RECIPIENT || undefined)
  if (value === undefined) return null
  if (!AGE_RECIPIENT.test(value)) {
    throw new UsageError(`--export-recipient must be an age public key (age1…), not "${value}".`)
  }
  return value
}

/** `--languages en,fr,de`: the event's languages for /live, each one of the 24; default all. */
function liveLanguages(): Language[] | undefined {
  const value = text('languages')
  if (value === undefined) return undefined
  const codes = value.split(',').map((code) => code.trim())
  const unknown = codes.filter((code) => !(LANGUAGES as readonly string[]).includes(code))
  if (unknown.length > 0 || codes.length === 0) {
    throw new UsageError(
      `--languages takes EU language codes separated by commas (${LANGUAGES.join(',')}), not "${value}".`,
    )
  }
  return codes as Language[]
}

async function serve(): Promise<number> {
  const port = count('port', 8787) ?? 8787
  if (port > 65535) throw new UsageError(`--port ${port} is not a port number.`)
  const options = storage()
  const perMinute = count('rate-limit')
  const retention = retentionDays()
  const recipient = exportRecipient()
  const languages = liveLanguages()
  const logger = pino(
    { name: 'register', level: process.env.REGISTER_LOG_LEVEL ?? 'warn' },
    pino.destination(2),
  )
  const register = await startServer({
    ...options,
    port,
    host: text('host'),
    trustProxy: parsed?.values['trust-proxy'] ?? false,
    certificates: {
      eventName: text('event-name') ?? DEFAULT_SETTINGS.eventName,
      eventCity: text('event-city') ?? DEFAULT_SETTINGS.eventCity,
      timeZone: timeZone(text('time-zone') ?? DEFAULT_SETTINGS.timeZone),
      publicUrl: text('public-url'),
    },
    rateLimit: perMinute === undefined ? undefined : { max: perMinute, windowMs: 60_000 },
    faults: { failBatches: count('fail-batches'), dropAfterCommit: count('drop-after-commit') },
    logger,
    retentionDays: retention,
    liveLanguages: languages,
    exports: { dir: options.dataDir ? join(options.dataDir, 'exports') : undefined, recipient },
  })
  console.log(`Storage: ${describeStorage(options)}`)
  console.log(
    retention === undefined
      ? 'Retention: off (personal data is kept until withdrawn or purged).'
      : `Retention: personal data purged ${retention} days after registration.`,
  )
  console.log(
    recipient
      ? `Exports: encrypted to ${recipient}.`
      : 'Exports: not encrypted (give --export-recipient to encrypt them).',
  )
  console.log(`Register listening on ${register.url}`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await register.close()
  console.log('Register stopped.')
  return 0
}

async function token(action: string | undefined): Promise<number> {
  const kiosk = text('kiosk')
  if (action !== 'create' && action !== 'revoke') {
    throw new UsageError('token: say "create" or "revoke".')
  }
  if (!kiosk) throw new UsageError(`token ${action} needs --kiosk <id>.`)
  if (action === 'create') {
    console.log(await createTokenIn(storage(), kiosk))
    console.error(
      `New token for kiosk ${kiosk}. It is shown only this once: enter it in the kiosk's settings now.`,
    )
    return 0
  }
  const revoked = await revokeTokensIn(storage(), kiosk)
  console.log(
    revoked === 0
      ? `Kiosk ${kiosk} had no active token.`
      : `Revoked ${revoked} token${revoked === 1 ? '' : 's'} of kiosk ${kiosk}.`,
  )
  return 0
}

async function purge(): Promise<number> {
  const days = count('older-than-days')
  if (days === undefined) throw new UsageError('purge needs --older-than-days <n>.')
  const { purged, cutoff } = await purgePersonalDataIn(storage(), days)
  console.log(
    `Purged the personal data of ${purged} signature${purged === 1 ? '' : 's'} registered before ${cutoff} (kept: certificate numbers, counts, kinds, countries, tombstones).`,
  )
  return 0
}

async function organiser(action: string | undefined): Promise<number> {
  if (action !== 'create') throw new UsageError('organiser: say "create".')
  const name = text('name')
  if (!name) throw new UsageError('organiser create needs --name <name>.')
  const role = text('role') ?? 'organiser'
  if (!(ORGANISER_ROLES as readonly string[]).includes(role)) {
    throw new UsageError(`--role must be organiser or admin, not "${role}".`)
  }
  console.log(await createOrganiserIn(storage(), name, role as OrganiserRole))
  console.error(
    `New ${role} "${name}". The password is shown only this once: hand it over in person.`,
  )
  return 0
}

async function main(): Promise<number> {
  parsed = parse()
  const { values, positionals } = parsed
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const [command = 'serve', ...rest] = positionals
  if (command === 'serve' && rest.length === 0) return serve()
  if (command === 'token' && rest.length === 1) return token(rest[0])
  if (command === 'purge' && rest.length === 0) return purge()
  if (command === 'organiser' && rest.length === 1) return organiser(rest[0])
  throw new UsageError(`Unknown command "${positionals.join(' ')}".`)
}

try {
  process.exitCode = await main()
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`)
    process.exitCode = 2
  } else {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  }
}
