/**
 * A private CUPS print server for tests: its own `cupsd` with its own configuration, spool and
 * socket in a temporary folder, never the machine's print system. Its one queue is a virtual
 * printer: jobs go through CUPS's real filter chain (pdftopdf with the generic PDF printer
 * driver) and come out as PDF files instead of paper. Tests point the CUPS tools at it with the
 * `CUPS_SERVER` environment variable.
 *
 * The queue's device is a backend of our own (`kiosk-pdf:<folder>`, a shell script in the
 * server's private ServerBin, beside links to the system's backends and filters) that writes each
 * job to `<folder>/job-<id>.pdf`. CUPS's `file:` device is not used: since the security update
 * 2.4.2-3+deb12u10 the scheduler no longer opens its output file, and what a stock device may do
 * keeps changing with such updates, while a backend is the stable, documented interface
 * (backend(7)).
 *
 * Needs Debian's cups-daemon, cups-client and cups-filters (`.ci/run` installs them).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'

const run = promisify(execFile)

const CUPSD = ['/usr/sbin/cupsd', '/usr/local/sbin/cupsd'].find((path) => existsSync(path))
const GENERIC_PDF_DRIVER = '/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd'
const SYSTEM_SERVER_BIN = '/usr/lib/cups'
const BACKEND = 'kiosk-pdf'

/**
 * The virtual printer's backend (backend(7)): without arguments it lists its device; with a job
 * it copies the print file (argument 6, else standard input) into the folder of its device URI.
 * The file appears under its final name only once complete.
 */
const BACKEND_SCRIPT = `#!/bin/sh
if [ $# -eq 0 ]; then echo 'file ${BACKEND} "Unknown" "Cohesion Kiosk test PDF output"'; exit 0; fi
umask 022
out="\${DEVICE_URI#${BACKEND}:}/job-$1.pdf"
if [ -n "$6" ]; then cat "$6" > "$out.part" || exit 1; else cat > "$out.part" || exit 1; fi
mv "$out.part" "$out"
`

/** Why a private print server cannot start here, or null when it can. */
export function cupsUnavailableReason(): string | null {
  if (!CUPSD) return 'cupsd is not installed (Debian package cups-daemon)'
  if (!existsSync(GENERIC_PDF_DRIVER))
    return 'the generic PDF printer driver is missing (cups-filters)'
  if (!existsSync(join(SYSTEM_SERVER_BIN, 'filter')))
    return `CUPS's filters are missing (${SYSTEM_SERVER_BIN}/filter)`
  return null
}

export interface CupsServer {
  /** Environment that points `lp` / `lpstat` at this server. */
  readonly env: { CUPS_SERVER: string }
  /** The virtual printer's queue name; it is the server's default destination. */
  readonly printerName: string
  /** The folder where the virtual printer writes each job as `job-<id>.pdf`. */
  readonly outputDir: string
  /** Runs a CUPS client command (lpstat, cupsdisable, …) against this server. */
  client(command: string, args: readonly string[]): Promise<string>
  /**
   * Waits until the virtual printer has written a job and the queue is empty, returns the newest
   * job's PDF and removes every printed file (so the next call waits for the next job).
   */
  printedPdf(timeoutMs?: number): Promise<Buffer>
  /** Stops cupsd and deletes its folder. */
  stop(): Promise<void>
}

export interface CupsServerOptions {
  /** Extra lines for cups-files.conf (a test of the start-up failure gives it a bad one). */
  readonly extraFilesConf?: readonly string[]
}

export async function startCupsServer(
  printerName = 'Booth_Printer',
  options: CupsServerOptions = {},
): Promise<CupsServer> {
  const reason = cupsUnavailableReason()
  if (reason || !CUPSD) throw new Error(`No private print server: ${reason ?? 'no cupsd'}`)
  const root = await mkdtemp(join(tmpdir(), 'kiosk-cups-'))
  const dir = (name: string) => join(root, name)
  for (const name of ['etc', 'spool', 'cache', 'state', 'log', 'tmp', 'out', 'serverbin']) {
    await mkdir(dir(name))
  }
  await privateServerBin(dir('serverbin'))
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
      `ServerBin ${dir('serverbin')}`,
      // Every path is ours: cupsd must not write the machine's /run/cups/printcap.
      `Printcap ${join(dir('etc'), 'printcap')}`,
      ...(options.extraFilesConf ?? []),
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
    const exited = new Promise<never>((_, reject) =>
      daemon.once('exit', (code) => reject(new Error(`cupsd exited with code ${code}`))),
    )
    exited.catch(() => {})
    await Promise.race([
      until(async () => (await client('lpstat', ['-r'])).includes('is running'), 15_000),
      exited,
    ])
    const outputDir = dir('out')
    await client('lpadmin', [
      '-p',
      printerName,
      '-E',
      '-v',
      `${BACKEND}:${outputDir}`,
      '-P',
      GENERIC_PDF_DRIVER,
    ])
    await client('lpadmin', ['-d', printerName])
    const printedJobs = async () =>
      (await readdir(outputDir))
        .map((name) => /^job-(\d+)\.pdf$/.exec(name))
        .filter((match) => match !== null)
        .map((match) => ({ id: Number(match[1]), file: join(outputDir, match[0]) }))
        .sort((a, b) => a.id - b.id)
    return {
      env,
      printerName,
      outputDir,
      client,
      stop,
      printedPdf: async (timeoutMs = 20_000) => {
        await until(async () => (await printedJobs()).length > 0, timeoutMs)
        await until(
          async () => (await client('lpstat', ['-W', 'not-completed', '-o', printerName])) === '',
          timeoutMs,
        )
        const jobs = await printedJobs()
        const pdf = await readFile(jobs.at(-1)!.file)
        await Promise.all(jobs.map((job) => rm(job.file)))
        return pdf
      },
    }
  } catch (error) {
    const log = await readFile(join(dir('log'), 'error_log'), 'utf8').catch(() => '')
    await stop()
    throw new Error(`The private print server did not start: ${String(error)}\n${output}${log}`)
  }
}

/**
 * A ServerBin of the server's own: links to the system's filters, drivers and backends, plus the
 * virtual printer's backend. cupsd runs only programs owned by root and not writable by others,
 * which holds for the links' targets and for the folder made here.
 */
async function privateServerBin(serverBin: string): Promise<void> {
  for (const name of await readdir(SYSTEM_SERVER_BIN)) {
    if (name !== 'backend') await symlink(join(SYSTEM_SERVER_BIN, name), join(serverBin, name))
  }
  const backends = join(serverBin, 'backend')
  await mkdir(backends)
  const systemBackends = join(SYSTEM_SERVER_BIN, 'backend')
  for (const name of existsSync(systemBackends) ? await readdir(systemBackends) : []) {
    await symlink(join(systemBackends, name), join(backends, basename(name)))
  }
  await writeFile(join(backends, BACKEND), BACKEND_SCRIPT, { mode: 0o755 })
  await chmod(join(backends, BACKEND), 0o755)
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check().catch(() => false)) return
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`)
    await sleep(100)
  }
}
