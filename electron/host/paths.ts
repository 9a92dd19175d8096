import { fileURLToPath } from 'node:url'
import { join, resolve } from 'node:path'

/** The project root, wherever the host is started from. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
export const BUILT_RENDERER = join(PROJECT_ROOT, 'out', 'renderer')
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, '.kiosk-data')
export const DEFAULT_PORT = 8480
