import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.md': 'text/markdown; charset=utf-8',
  '.pdf': 'application/pdf',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/**
 * Resolves a URL path inside `root` and reads it. Paths that escape the root are refused;
 * unknown paths without an extension fall back to index.html (the single-page app).
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  const file = join(root, relative === '' ? 'index.html' : relative)
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null
  const found = await readIfFile(file)
  if (found) return { body: found, contentType: contentTypeOf(file) }
  if (extname(file) !== '') return null
  const index = await readIfFile(join(root, 'index.html'))
  return index ? { body: index, contentType: CONTENT_TYPES['.html']! } : null
}

function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    if (!(await stat(file)).isFile()) return null
    return await readFile(file)
  } catch {
    return null
  }
}
