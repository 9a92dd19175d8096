import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/** The Chromium to drive: `CHROMIUM_PATH` when set, else the first Chromium found on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of CANDIDATES) {
      const candidate = join(dir, name)
      if (dir && existsSync(candidate)) return candidate
    }
  }
  return null
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}

/**
 * Chromium's arguments for the kiosk: full screen kiosk mode, a profile kept in the data folder.
 * `url` must be the host's `launchUrl()` (a one-time code), never the URL with the secret:
 * `/proc/<pid>/cmdline` is readable by every local account.
 */
export function kioskBrowserArgs(url: string, profileDir: string): string[] {
  return [
    `--user-data-dir=${profileDir}`,
    '--kiosk',
    `--app=${url}`,
    '--no-first-run',
    '--disable-translate',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-features=Translate,PasswordManagerOnboarding,AutofillServerCommunication',
  ]
}

/** Opens the kiosk full screen in Chromium's kiosk mode; returns the browser's process id. */
export function openKioskBrowser(
  chromium: string,
  url: string,
  profileDir: string,
): number | undefined {
  const child = spawn(chromium, kioskBrowserArgs(url, profileDir), {
    stdio: 'ignore',
    detached: true,
  })
  child.unref()
  return child.pid
}
