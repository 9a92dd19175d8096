import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A file every copy of `resources/` ships, used to recognise the folder. */
const MARKER = join('fonts', 'DejaVuSans.ttf')

let cached: string | undefined

/**
 * The folder holding the app's shipped resources (fonts, locale files, logo).
 * Looked up rather than computed because this module runs from source (tsx, vitest), from the
 * electron-vite bundle in `out/main/`, and from a packaged app whose resources sit beside the asar.
 */
export function resourcesDir(): string {
  if (cached) return cached
  const found = candidates().find((dir) => existsSync(join(dir, MARKER)))
  if (!found) {
    throw new Error(
      `Cannot find the kiosk's resources folder (looked for ${MARKER} in ${candidates().join(', ')}).`,
    )
  }
  cached = found
  return found
}

function candidates(): string[] {
  const list: string[] = []
  if (process.env.KIOSK_RESOURCES_DIR) list.push(resolve(process.env.KIOSK_RESOURCES_DIR))
  // Set by Electron only; electron-builder copies resources/ there (see electron-builder.yml).
  const packaged = (process as { resourcesPath?: string }).resourcesPath
  if (packaged) list.push(join(packaged, 'resources'))
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    list.push(join(dir, 'resources'))
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return list
}

/** Path of a file inside the resources folder. */
export function resourcePath(...parts: string[]): string {
  return join(resourcesDir(), ...parts)
}
