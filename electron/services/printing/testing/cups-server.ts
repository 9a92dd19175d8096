/**
 * A private CUPS print server for tests: its own `cupsd` with its own configuration, spool and
 * socket in a temporary folder, never the machine's print system. Its one queue is a virtual
 * printer: jobs go through CUPS's real filter chain (pdftopdf with the generic PDF printer
 * driver) and come out as a PDF file instead of paper. Tests point the CUPS tools at it with the
 * `CUPS_SERVER` environment variable.
 *
 * Needs Debian's cups-daemon, cups-client and cups-filters (`.ci/run` installs them).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'

const run = promisify(execFile)

const CUPSD = ['/usr/sbin/cupsd', '/usr/local/sbin/cupsd'].find((path) => existsSync(path))
const GENERIC_PDF_DRIVER = '/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd'

/** Why a private print server cannot start here, or null when it can. */
export function cupsUnavailableReason(): string | null {
  if (!CUPSD) return 'cupsd is not installed (Debian package cups-daemon)'
  if (!existsSync(GENERIC_PDF_DRIVER))
    return 'the generic PDF printer driver is missing (cups-filters)'
  return null
}

export interface CupsServer {
  /** Environment that points `lp` / `lpstat` at this server. */
  readonly env: { CUPS_SERVER: string }
  /** The virtual printer's queue name; it is the server's default destination. */
  readonly printerName: string
  /** Where the virtual printer writes each job (the last one wins). */
  readonly outputFile: string
  /** Runs a CUPS client command (lpstat, cupsdisable, …) against this server. */
  client(command: string, args: readonly string[]): Promise<string>
  /** Waits until the virtual printer has written a job and returns it (then removes the file). */
  printedPdf(timeoutMs?: number): Promise<Buffer>
  /** Stops cupsd and deletes its folder. */
  stop(): Promise<void>
}

export async function startCupsServer(printerName = 'Booth_Printer'): Promise<CupsServer> {
  const reason = cupsUnavailableReason()
  if (reason || !CUPSD) throw new Error(`No private print server: ${reason ?? 'no cupsd'}`)
  const root = await mkdtemp(join(tmpdir(), 'kiosk-cups-'))
  const dir = (name: string) => join(root, name)
  for (const name of ['etc', 'spool', 'cache', 'state', 'log', 'tmp', 'out']) {
    await mkdir(dir(name))
  }
  // Filters run as the unprivileged lp user: they need to write temp files and the output.
  await chmod(dir('tmp'), 0o1777)
  await chmod(dir('out'), 0o777)
  await chmod(root, 0o755)
  const socket = dir('cups.sock')
  await writeFile(
    join(dir('etc'), 'cupsd.conf'),
    [
      `Listen ${socket}`,
      'LogLevel warn',
      'WebInterface No',
      'Browsing No',
      '<Location />',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Policy default>',
      '  <Limit All>',
      '    Order deny,allow',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  )
  await writeFile(
    join(dir('etc'), 'cups-files.conf'),
    [
      `ServerRoot ${dir('etc')}`,
      `RequestRoot ${dir('spool')}`,
      `CacheDir ${dir('cache')}`,
      `StateDir ${dir('state')}`,
      `TempDir ${dir('tmp')}`,
      `ErrorLog ${join(dir('log'), 'error_log')}`,
      `AccessLog ${join(dir('log'), 'access_log')}`,
      `PageLog ${join(dir('log'), 'page_log')}`,
      'Printcap',
      // The virtual printer's device is a file.
      'FileDevice Yes',
      '',
    ].join('\n'),
  )

  const env = { CUPS_SERVER: socket }
  let output = ''
  const daemon: ChildProcess = spawn(
    CUPSD,
    ['-f', '-c', join(dir('etc'), 'cupsd.conf'), '-s', join(dir('etc'), 'cups-files.conf')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  daemon.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  daemon.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  // A test runner killed mid-run must not leave a print server behind.
  const killOnExit = () => daemon.kill('SIGKILL')
  process.once('exit', killOnExit)

  const client = async (command: string, args: readonly string[]) => {
    const { stdout } = await run(command, [...args], {
      env: { ...process.env, ...env, LC_ALL: 'C' },
      timeout: 15_000,
    })
    return stdout
  }
  const stop = async () => {
    process.removeListener('exit', killOnExit)
    if (daemon.exitCode === null && daemon.signalCode === null) {
      const exited = new Promise((resolve) => daemon.once('exit', resolve))
      daemon.kill('SIGTERM')
      if ((await Promise.race([exited.then(() => true), sleep(5_000, false)])) === false) {
        daemon.kill('SIGKILL')
        await Promise.race([exited, sleep(2_000)])
      }
    }
    await rm(root, { recursive: true, force: true })
  }

  try {
    await until(async () => (await client('lpstat', ['-r'])).includes('is running'), 15_000)
    const outputFile = join(dir('out'), 'printed.pdf')
    await client('lpadmin', [
      '-p',
      printerName,
      '-E',
      '-v',
      `file://${outputFile}`,
      '-P',
      GENERIC_PDF_DRIVER,
    ])
    await client('lpadmin', ['-d', printerName])
    return {
      env,
      printerName,
      outputFile,
      client,
      stop,
      printedPdf: async (timeoutMs = 20_000) => {
        await until(
          async () => (await stat(outputFile).catch(() => null))?.size !== undefined,
          timeoutMs,
        )
        // The file exists as soon as the backend opens it; wait for the queue to finish it.
        await until(
          async () => (await client('lpstat', ['-W', 'not-completed', '-o', printerName])) === '',
          timeoutMs,
        )
        const pdf = await readFile(outputFile)
        await rm(outputFile)
        return pdf
      },
    }
  } catch (error) {
    const log = await readFile(join(dir('log'), 'error_log'), 'utf8').catch(() => '')
    await stop()
    throw new Error(`The private print server did not start: ${String(error)}\n${output}${log}`)
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check().catch(() => false)) return
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`)
    await sleep(100)
  }
}
