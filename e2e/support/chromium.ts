import { findChromium } from '../../electron/host/browser'

/** Flags for Debian's Chromium on a machine with a closed network and no GPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The browser the e2e tests drive: CHROMIUM_PATH, else chromium on PATH; a clear error when neither exists. */
export function chromiumPath(): string {
  const found = findChromium()
  if (found) return found
  throw new Error(
    process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`
      : 'No Chromium found on PATH. Install it (apt-get install chromium) or set CHROMIUM_PATH.',
  )
}
