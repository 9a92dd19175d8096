import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { PROJECT_ROOT } from './paths'

const require = createRequire(join(PROJECT_ROOT, 'package.json'))

/** The Electron binary installed with the `electron` package, or null where its download was skipped or failed. */
export function electronBinary(): string | null {
  try {
    const binary = require('electron') as unknown
    return typeof binary === 'string' && existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

/** Runs the electron package's own installer once (it downloads the runtime where a network allows). */
export function tryFetchElectron(): string | null {
  const installer = join(PROJECT_ROOT, 'node_modules', 'electron', 'install.js')
  if (!existsSync(installer)) return null
  spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000 })
  return electronBinary()
}

export const NO_ELECTRON_RUNTIME =
  'skipped: no Electron runtime (the Electron binary is not installed on this machine and could not be downloaded)'
