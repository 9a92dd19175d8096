import { createReadStream } from 'node:fs'
import { mkdir, open, readFile, rename, stat, writeFile, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import {
  journalEntrySchema,
  type JournalEntry,
  type JournalPage,
  type JournalStats,
} from '../shared/journal'
import type { Logger } from './logger'
import { SerialQueue } from '../shared/serial-queue'

export const JOURNAL_FILE = 'journal.jsonl'
/** The journal's counts as of its last known state, so a start need not read every line. */
export const JOURNAL_STATS_FILE = 'journal.stats.json'

/** Stats of the journal file as it was (inode, size, modification time). */
interface KnownStats {
  ino: number
  size: number
  mtimeMs: number
  stats: JournalStats
}

/**
 * The append-only signature journal (JSON lines) in the app's data folder: the copy that survives
 * a wiped or corrupted browser profile. Appends are serialised and fsynced before they resolve.
 * Unreadable lines (a line cut short by a crash, a corrupted block) are skipped and reported.
 */
export class Journal {
  private readonly appends = new SerialQueue()
  /**
   * The counts, kept up to date by appends once known: `stats()` runs at every start of the app
   * and on the staff dashboard, and counting 100,000 lines again took seconds each time. Kept in
   * the side file too, for the next start; used only while the journal is exactly the file they
   * were counted on (inode, size, modification time), else the lines are counted again.
   */
  private known: KnownStats | null = null
  private statsSaving: Promise<void> | null = null
  private statsDirty = false
  /**
   * What this process has appended (signature and withdrawal ids). The page deletes its queue
   * entry only after the append has answered, so a reload in between sends the same lines again:
   * they are written once.
   */
  private readonly appended = new Set<string>()

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

  /** Appends entries as lines and resolves once they are on disk; one sent again is kept once. */
  append(entries: JournalEntry[]): Promise<void> {
    return this.appends.run(() => this.write(entries))
  }

  private async write(all: JournalEntry[]): Promise<void> {
    const keys = new Set<string>()
    const entries = all.filter((entry) => {
      const key = entryKey(entry)
      if (this.appended.has(key) || keys.has(key)) return false
      keys.add(key)
      return true
    })
    if (entries.length === 0) return
    let handle: FileHandle | undefined
    try {
      handle = await open(this.file, 'a+')
      // A previous crash may have left a partial last line: start on a fresh line so it stays the only bad one.
      const size = (await handle.stat()).size
      const prefix = size > 0 && !(await endsWithNewline(handle, size)) ? '\n' : ''
      await handle.write(prefix + entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n')
      await handle.datasync()
      for (const key of keys) this.appended.add(key)
      await this.countAppended(handle, size, entries)
    } finally {
      await handle?.close()
    }
  }

  /** Adds what was just appended to the known counts (when they were of the file as it was). */
  private async countAppended(handle: FileHandle, sizeBefore: number, entries: JournalEntry[]) {
    const known = this.known
    const info = await handle.stat()
    if (!known || known.ino !== info.ino || known.size !== sizeBefore) {
      this.known = null
      return
    }
    const signatures = entries.filter((entry) => entry.type === 'signature').length
    this.known = {
      ino: info.ino,
      size: info.size,
      mtimeMs: info.mtimeMs,
      stats: {
        signatures: known.stats.signatures + signatures,
        withdrawals: known.stats.withdrawals + entries.length - signatures,
        badLines: known.stats.badLines,
        bytes: info.size,
      },
    }
    this.saveStats()
  }

  /**
   * Where the last page read stopped (line number and byte position of its next line), so that the
   * next page, which usually starts there, does not read the file again from its first line: a
   * restore of 100,000 signatures in pages of 2,000 otherwise reads the file 50 times over. Valid
   * while the file is the same one (same inode) and at least that long: it is only appended to.
   */
  private cursor: { line: number; byte: number; ino: number } | null = null

  /** Reads `limit` lines from line `offset` (0-based). */
  async read(offset: number, limit: number): Promise<JournalPage> {
    const entries: JournalEntry[] = []
    const badLines: number[] = []
    const from = await this.resumeAt(offset)
    let line = from.line
    this.cursor = null
    for await (const { text, start } of this.lines(from.byte)) {
      if (line >= offset + limit) {
        if (from.ino !== null) this.cursor = { line, byte: start, ino: from.ino }
        break
      }
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

  /** Where to start reading for line `offset`: the cursor when it is at or before it, else line 0. */
  private async resumeAt(
    offset: number,
  ): Promise<{ line: number; byte: number; ino: number | null }> {
    const info = await stat(this.file).catch(() => null)
    if (!info) return { line: 0, byte: 0, ino: null }
    const cursor = this.cursor
    if (cursor && cursor.ino === info.ino && cursor.byte <= info.size && cursor.line <= offset) {
      return { line: cursor.line, byte: cursor.byte, ino: info.ino }
    }
    return { line: 0, byte: 0, ino: info.ino }
  }

  /** Counts of signatures, withdrawals and unreadable lines, and the file's size. */
  async stats(): Promise<JournalStats> {
    const info = await stat(this.file).catch(() => null)
    if (!info) return { signatures: 0, withdrawals: 0, badLines: 0, bytes: 0 }
    const known = this.known ?? (await this.loadStats())
    if (known && sameFile(known, info)) {
      this.known = known
      return { ...known.stats }
    }
    const stats: JournalStats = { signatures: 0, withdrawals: 0, badLines: 0, bytes: info.size }
    for await (const { text } of this.lines(0)) {
      if (text.trim() === '') continue
      const entry = parseLine(text)
      if (!entry) stats.badLines += 1
      else if (entry.type === 'signature') stats.signatures += 1
      else stats.withdrawals += 1
    }
    // Kept only when no append ran during the count (the file is still the one counted).
    const after = await stat(this.file).catch(() => null)
    if (after && sameFile({ ino: info.ino, size: info.size, mtimeMs: info.mtimeMs }, after)) {
      this.known = { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, stats }
      this.saveStats()
    } else {
      stats.bytes = after?.size ?? info.size
    }
    return stats
  }

  private get statsFile(): string {
    return join(dirname(this.file), JOURNAL_STATS_FILE)
  }

  private async loadStats(): Promise<KnownStats | null> {
    try {
      const saved = JSON.parse(await readFile(this.statsFile, 'utf8')) as Partial<KnownStats>
      const counts = saved.stats
      const whole = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0
      if (
        !whole(saved.ino) ||
        !whole(saved.size) ||
        typeof saved.mtimeMs !== 'number' ||
        !counts ||
        ![counts.signatures, counts.withdrawals, counts.badLines, counts.bytes].every(whole)
      ) {
        return null
      }
      return saved as KnownStats
    } catch {
      return null
    }
  }

  /**
   * Writes the known counts to the side file, after the append that changed them and without
   * holding it up; several appends in a row give one write. Not fsynced: a side file that is lost
   * or behind the journal only means the lines are counted again.
   */
  private saveStats(): void {
    this.statsDirty = true
    if (this.statsSaving) return
    this.statsSaving = (async () => {
      while (this.statsDirty) {
        this.statsDirty = false
        const known = this.known
        if (!known) continue
        const temp = `${this.statsFile}.${process.pid}.tmp`
        try {
          await writeFile(temp, JSON.stringify(known))
          await rename(temp, this.statsFile)
        } catch (error) {
          this.log.warn({ err: error }, 'could not save the journal counts')
        }
      }
      this.statsSaving = null
    })()
  }

  /** Resolves once the counts are in the side file (for tests and a clean shutdown). */
  async flushStats(): Promise<void> {
    while (this.statsSaving) await this.statsSaving
  }

  /** The file's lines from byte `from` (a line's first byte), each with its first byte's position. */
  private async *lines(from: number): AsyncGenerator<{ text: string; start: number }> {
    const stream = createReadStream(this.file, { start: from })
    const opened = await new Promise<boolean>((resolve, reject) => {
      stream.once('open', () => resolve(true))
      stream.once('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ENOENT' ? resolve(false) : reject(error),
      )
    })
    if (!opened) return
    // Split on newline bytes rather than with readline, to know where each line starts.
    let start = from
    let rest: Buffer = Buffer.alloc(0)
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        let buffer = rest.length ? Buffer.concat([rest, chunk]) : chunk
        let newline: number
        while ((newline = buffer.indexOf(0x0a)) !== -1) {
          yield { text: lineText(buffer.subarray(0, newline)), start }
          start += newline + 1
          buffer = buffer.subarray(newline + 1)
        }
        rest = buffer
      }
      if (rest.length) yield { text: lineText(rest), start }
    } finally {
      stream.destroy()
    }
  }
}

function sameFile(
  known: Pick<KnownStats, 'ino' | 'size' | 'mtimeMs'>,
  info: { ino: number; size: number; mtimeMs: number },
): boolean {
  return known.ino === info.ino && known.size === info.size && known.mtimeMs === info.mtimeMs
}

/** A line's text without its line break (a CRLF's CR included). */
function lineText(bytes: Buffer): string {
  const text = bytes.toString('utf8')
  return text.endsWith('\r') ? text.slice(0, -1) : text
}

function parseLine(text: string): JournalEntry | null {
  try {
    const result = journalEntrySchema.safeParse(JSON.parse(text))
    return result.success ? result.data : null
  } catch {
    return null
  }
}

function entryKey(entry: JournalEntry): string {
  return entry.type === 'signature'
    ? `signature:${entry.record.id}`
    : `withdrawal:${entry.withdrawal.id}`
}

async function endsWithNewline(handle: FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1)
  await handle.read(last, 0, 1, size - 1)
  return last[0] === 0x0a
}
