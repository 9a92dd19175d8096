import { createReadStream } from 'node:fs'
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import {
  journalEntrySchema,
  type JournalEntry,
  type JournalPage,
  type JournalStats,
} from '../shared/journal'
import type { Logger } from './logger'

export const JOURNAL_FILE = 'journal.jsonl'

/**
 * The append-only signature journal (JSON lines) in the app's data folder: the copy that survives
 * a wiped or corrupted browser profile. Appends are serialised and fsynced before they resolve.
 * Unreadable lines (a line cut short by a crash, a corrupted block) are skipped and reported.
 */
export class Journal {
  private appends: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {}

  static async open(dataDir: string, log: Logger): Promise<Journal> {
    await mkdir(dataDir, { recursive: true })
    return new Journal(join(dataDir, JOURNAL_FILE), log)
  }

  get path(): string {
    return this.file
  }

  /** Appends entries as lines and resolves once they are on disk. */
  append(entries: JournalEntry[]): Promise<void> {
    const run = this.appends.then(() => this.write(entries))
    this.appends = run.catch(() => undefined)
    return run
  }

  private async write(entries: JournalEntry[]): Promise<void> {
    let handle: FileHandle | undefined
    try {
      handle = await open(this.file, 'a+')
      // A previous crash may have left a partial last line: start on a fresh line so it stays the only bad one.
      const size = (await handle.stat()).size
      const prefix = size > 0 && !(await endsWithNewline(handle, size)) ? '\n' : ''
      await handle.write(prefix + entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n')
      await handle.datasync()
    } finally {
      await handle?.close()
    }
  }

  /** Reads `limit` lines from line `offset` (0-based). */
  async read(offset: number, limit: number): Promise<JournalPage> {
    const entries: JournalEntry[] = []
    const badLines: number[] = []
    let line = 0
    for await (const text of this.lines()) {
      if (line >= offset + limit) break
      if (line >= offset && text.trim() !== '') {
        const entry = parseLine(text)
        if (entry) entries.push(entry)
        else badLines.push(line + 1)
      }
      line += 1
    }
    if (badLines.length)
      this.log.warn({ file: this.file, badLines }, 'skipped unreadable journal lines')
    const done = line < offset + limit
    return { entries, nextOffset: Math.min(line, offset + limit), done, badLines }
  }

  async stats(): Promise<JournalStats> {
    const stats: JournalStats = { signatures: 0, withdrawals: 0, badLines: 0, bytes: 0 }
    for await (const text of this.lines()) {
      if (text.trim() === '') continue
      const entry = parseLine(text)
      if (!entry) stats.badLines += 1
      else if (entry.type === 'signature') stats.signatures += 1
      else stats.withdrawals += 1
    }
    stats.bytes = await stat(this.file).then(
      (s) => s.size,
      () => 0,
    )
    return stats
  }

  private async *lines(): AsyncGenerator<string> {
    const stream = createReadStream(this.file, { encoding: 'utf8' })
    const opened = await new Promise<boolean>((resolve, reject) => {
      stream.once('open', () => resolve(true))
      stream.once('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ENOENT' ? resolve(false) : reject(error),
      )
    })
    if (!opened) return
    yield* createInterface({ input: stream, crlfDelay: Infinity })
  }
}

function parseLine(text: string): JournalEntry | null {
  try {
    const result = journalEntrySchema.safeParse(JSON.parse(text))
    return result.success ? result.data : null
  } catch {
    return null
  }
}

async function endsWithNewline(handle: FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1)
  await handle.read(last, 0, 1, size - 1)
  return last[0] === 0x0a
}
