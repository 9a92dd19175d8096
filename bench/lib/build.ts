import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PROJECT_ROOT } from '../../electron/host/paths'

const run = promisify(execFile)

/**
 * Builds the app into a folder of the bench's own, so the figures are of the sources as they are
 * now and a build started by someone else during the run cannot swap files under the host.
 * Returns the built renderer folder.
 */
export async function buildApp(outDir: string, log: (line: string) => void): Promise<string> {
  const started = performance.now()
  await run(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
      'build',
      '--outDir',
      outDir,
      '--logLevel',
      'error',
    ],
    { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024 },
  )
  const renderer = join(outDir, 'renderer')
  if (!existsSync(join(renderer, 'index.html'))) throw new Error(`build left no ${renderer}`)
  log(`built the app in ${Math.round(performance.now() - started)} ms into ${outDir}`)
  return renderer
}
