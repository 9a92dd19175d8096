/**
 * `npm run start:web -- --port <p> --data <dir> [--exports <dir>] [--no-open]`: the web host alone, for booth PCs
 * that only have a browser and for the end-to-end tests.
 */
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { existsSync } from 'node:fs'
import { createLogger } from '../services/logger'
import { openKioskServices } from '../services/kiosk-services'
import { SettingsUnusableError } from '../services/settings-store'
import { startHost } from './server'
import { BUILT_RENDERER, DEFAULT_DATA_DIR, DEFAULT_PORT } from './paths'
import { findChromium, hasDisplay, openKioskBrowser } from './browser'

const { values } = parseArgs({
  options: {
    // A fixed port by default: IndexedDB belongs to the origin, port included, so the kiosk
    // must come back on the same one after a restart (0 picks a free port, for tests).
    port: { type: 'string', default: String(DEFAULT_PORT) },
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    /** Where staff exports and bulk certificate PDFs are written; default `<data>/exports`. */
    exports: { type: 'string' },
    renderer: { type: 'string', default: BUILT_RENDERER },
    'no-open': { type: 'boolean', default: false },
  },
  strict: true,
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`)
  process.exit(2)
}
const rendererDir = resolve(values.renderer)
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`No built renderer in ${rendererDir}: run "npm run build" first.`)
  process.exit(2)
}
const dataDir = resolve(values.data)
const log = createLogger('web-host')
const exportsDir = resolve(values.exports ?? join(dataDir, 'exports'))
const services = await openKioskServices({ dataDir, runtime: 'web', log, exportsDir }).catch(
  (error: unknown) => {
    // Damaged settings: refuse to start rather than run on defaults; the message says what to do.
    if (!(error instanceof SettingsUnusableError)) throw error
    console.error(`Cohesion Kiosk cannot start. ${error.message}`)
    process.exit(3)
  },
)
const host = await startHost({
  api: services.api,
  downloads: services.downloads,
  rendererDir,
  log,
  port,
})

console.log(`Cohesion Kiosk web host ready: ${host.url}`)
console.log(`Data folder: ${dataDir}`)
console.log(`Export folder: ${exportsDir}`)

if (!values['no-open']) {
  const chromium = findChromium()
  if (chromium && hasDisplay())
    // A one-time code on the command line, never the secret: other accounts can read it there.
    openKioskBrowser(chromium, host.launchUrl(), join(dataDir, 'browser-profile'))
  else console.log('Open the URL above in a browser (no display or no Chromium found to open it).')
}

let closing = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return
    closing = true
    void host.close().then(() => {
      console.log('Web host stopped.')
      process.exit(0)
    })
  })
}
