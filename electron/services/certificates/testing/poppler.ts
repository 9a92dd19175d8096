import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

const run = promisify(execFile)

/** Runs a poppler tool, failing with an install hint rather than a bare ENOENT. */
async function poppler(tool: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} is not installed: these tests need Debian's poppler-utils (apt-get install poppler-utils; .ci/run installs it).`,
      )
    }
    throw error
  }
}

/** Writes PDF bytes to a temp file for the poppler tools, removed after `use`. */
export async function withPdfFile<T>(
  pdf: Uint8Array,
  use: (file: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'cert-test-'))
  try {
    const file = join(dir, 'certificate.pdf')
    await writeFile(file, pdf)
    return await use(file)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The text of a PDF (or of one page), as pdftotext extracts it. */
export function pdfText(file: string, page?: number): Promise<string> {
  const range = page ? ['-f', String(page), '-l', String(page)] : []
  return poppler('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'])
}

/** The PDF's info dictionary as pdfinfo prints it. */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const out = await poppler('pdfinfo', ['-isodates', file])
  const info: Record<string, string> = {}
  for (const line of out.split('\n')) {
    const at = line.indexOf(':')
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim()
  }
  return info
}

export interface WordBox {
  word: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Every word with its position in points, from `pdftotext -bbox`. */
export async function wordBoxes(
  file: string,
  page = 1,
): Promise<{ width: number; height: number; words: WordBox[] }> {
  const html = await poppler('pdftotext', [
    '-bbox',
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    '-',
  ])
  const pageTag = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html)
  if (!pageTag) throw new Error('pdftotext -bbox printed no page')
  const words: WordBox[] = []
  const pattern =
    /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g
  for (const m of html.matchAll(pattern)) {
    words.push({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      word: decodeEntities(m[5] ?? ''),
    })
  }
  return { width: Number(pageTag[1]), height: Number(pageTag[2]), words }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Renders one page to PNG with pdftoppm and decodes the first QR code found on it. */
export async function decodeQr(file: string, page = 1, dpi = 150): Promise<string | null> {
  const prefix = join(tmpdir(), `cert-qr-${process.pid}-${Math.random().toString(36).slice(2)}`)
  await poppler('pdftoppm', [
    '-png',
    '-singlefile',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    prefix,
  ])
  try {
    const png = PNG.sync.read(await readFile(`${prefix}.png`))
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    return code?.data ?? null
  } finally {
    await rm(`${prefix}.png`, { force: true })
  }
}

/** Number of pages, per pdfinfo. */
export async function pageCount(file: string): Promise<number> {
  return Number((await pdfInfo(file)).Pages)
}
