/**
 * `npm start`: the Electron kiosk where the runtime is present (fetching it once if the install
 * skipped it), otherwise the web host in Chromium's kiosk mode. Expects `npm run build` output.
 */
import { spawn } from 'node:child_process'
import { electronBinary, tryFetchElectron } from './electron-runtime'
import { PROJECT_ROOT } from './paths'

const extraArgs = process.argv.slice(2)
const binary = electronBinary() ?? tryFetchElectron()

if (binary) {
  const child = spawn(binary, ['.', ...extraArgs], { cwd: PROJECT_ROOT, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(
    'No Electron runtime on this machine (not installed, download not possible): starting the web host instead.',
  )
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', ...extraArgs], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}
