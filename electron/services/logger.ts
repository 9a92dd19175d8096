import { pino } from 'pino'

export type Logger = Pick<pino.Logger, 'info' | 'warn' | 'error' | 'child'>

/** The one logger of the main process and the web host: JSON lines on stderr, quiet under test. */
export function createLogger(name: string): pino.Logger {
  const level = process.env.KIOSK_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')
  return pino({ name, level }, pino.destination(2))
}
