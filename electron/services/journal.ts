import { createReadStream } from 'node:fs'
import {
  chmod,
  mkdir,
  open,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
  type FileHandle,
} from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { ApiError } from '../shared/api-error'
import {
  journalEntrySchema,
  type JournalEntry,
  type JournalPage,
  type JournalStats,
  type PurgedRecord,
} from '../shared/journal'
import type { Withdrawal } from '../shared/signature'
import { LineCipher } from './journal-cipher'
import type { Logger } from './logger'
import { syncDir } from './private-files'
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

/** A line and what it says (null: unreadable), as a rewrite of the journal keeps it. */
interface KeptLine {
  line: string
  entry: JournalEntry | null
}

/**
 * The append-only signature journal (JSON lines) in the app's data folder: the copy that survives
 * a wiped or corrupted browser profile. Appends are serialised and fsynced before they resolve.
 * Each line is sealed with the kiosk key (`LineCipher`: AES-256-GCM), so the file stays JSON
 * lines, appends stay appends and a torn last line is skipped and reported like any unreadable
 * one. Lines sealed with another key (a lost or replaced key) stop the journal with a clear
 * error instead of reading as an empty journal. The file is 0600.
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

  /** Set when the journal holds lines of another key: every call answers this error. */
  private keyProblem: ApiError | null = null

  constructor(
    private readonly file: string,
    private readonly log: Logger,
    private readonly cipher: LineCipher,
  ) {}

  /**
   * Opens the journal of a data folder with the kiosk key. A journal written before encryption
   * is rewritten sealed (atomically) first; one sealed with another key is refused.
   */
  static async open(dataDir: string, log: Logger, key: Buffer): Promise<Journal> {
    await mkdir(dataDir, { recursive: true })
    const journal = new Journal(join(dataDir, JOURNAL_FILE), log, new LineCipher(key))
    await journal.prepare()
    return journal
  }

  /** Checks the key against the first line, and seals a plain (older) journal in place. */
  private async prepare(): Promise<void> {
    let first: string | null = null
    for await (const { text } of this.lines(0)) {
      if (text.trim() === '') continue
      first = text
      break
    }
    if (first === null) return
    await chmod(this.file, 0o600)
    const opened = this.cipher.open(first)
    if (opened.kind === 'foreign-key') {
      this.keyProblem = wrongKey(this.file)
      this.log.error({ file: this.file }, 'the journal is sealed with another key')
      return
    }
    if (opened.kind === 'text' && !opened.sealed) await this.seal()
  }

  /**
   * Rewrites a plain journal sealed; lines already sealed stay as they are, unreadable plain ones
   * go. Signatures withdrawn before erasure existed are erased on the way (their withdrawal line
   * stays), so an older kiosk's journal no longer holds the people who withdrew.
   */
  private async seal(): Promise<void> {
    const withdrawn = new Set<string>()
    for await (const { text } of this.lines(0)) {
      const entry = text.trim() === '' ? null : this.parseLine(text)
      if (entry?.type === 'withdrawal') withdrawn.add(entry.withdrawal.id)
    }
    let dropped = 0
    let erased = 0
    await this.rewrite((line, entry) => {
      if (entry && entry.type !== 'withdrawal' && entry.type !== 'audit') {
        if (withdrawn.has(entry.record.id)) {
          erased += 1
          return null
        }
      }
      if (LineCipher.isSealed(line)) return { line, entry }
      if (!entry) {
        // A torn plain line may still hold a visitor's name: it does not stay in clear.
        dropped += 1
        return null
      }
      return { line: this.cipher.seal(JSON.stringify(entry)), entry }
    })
    this.log.info(
      { file: this.file, dropped, erased },
      'sealed the plain journal with the kiosk key',
    )
  }

  private check(): void {
    if (this.keyProblem) throw this.keyProblem
  }

  get path(): string {
    return this.file
  }

  /** Appends entries as lines and resolves once they are on disk; one sent again is kept once. */
  append(entries: JournalEntry[]): Promise<void> {
    return this.serial(() => this.write(entries))
  }

  /** Runs after every earlier append or rewrite, so the file has one writer at a time. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    return this.appends.run(() => {
      this.check()
      return task()
    })
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
      handle = await open(this.file, 'a+', 0o600)
      // A previous crash may have left a partial last line: start on a fresh line so it stays the only bad one.
      const size = (await handle.stat()).size
      const prefix = size > 0 && !(await endsWithNewline(handle, size)) ? '\n' : ''
      const lines = entries.map((entry) => this.cipher.seal(JSON.stringify(entry)))
      await handle.write(prefix + lines.join('\n') + '\n')
      await handle.datasync()
      for (const key of keys) this.appended.add(key)
      await this.countAppended(handle, size, entries)
    } finally {
      await handle?.close()
    }
    // A withdrawal erases the person's lines as soon as it is on disk, whether or not staff's
    // erasure call (which also deletes PDFs) gets through.
    for (const entry of entries) {
      if (entry.type === 'withdrawal') await this.eraseLines(entry.withdrawal)
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
    const stats = { ...known.stats, bytes: info.size }
    for (const entry of entries) countEntry(stats, entry)
    this.known = { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, stats }
    this.saveStats()
  }

  /**
   * Erases a withdrawn signature from the journal: the file is rewritten without the person's
   * lines (temporary file, fsync, rename), every other line byte for byte, and with the
   * withdrawal line (added when missing) so a restore never brings the person back.
   * Answers how many lines of the person were removed.
   */
  erase(withdrawal: Withdrawal): Promise<number> {
    return this.serial(() => this.eraseLines(withdrawal))
  }

  /** `erase` on the writer's turn; the file is rewritten only when it holds something to change. */
  private async eraseLines(withdrawal: Withdrawal): Promise<number> {
    if (!(await this.needsErasure(withdrawal))) return 0
    let removed = 0
    let tombstone = false
    const kept = await this.rewrite(
      (line, entry) => {
        if (
          (entry?.type === 'signature' || entry?.type === 'purged') &&
          entry.record.id === withdrawal.id
        ) {
          removed += 1
          return null
        }
        if (entry?.type === 'withdrawal' && entry.withdrawal.id === withdrawal.id) tombstone = true
        return { line, entry }
      },
      () => {
        if (tombstone) return []
        const entry: JournalEntry = { type: 'withdrawal', withdrawal }
        return [{ line: this.cipher.seal(JSON.stringify(entry)), entry }]
      },
    )
    // Its line is in the file now: one sent again is not written twice.
    this.appended.add(entryKey({ type: 'withdrawal', withdrawal }))
    this.log.info({ removed, lines: kept }, 'erased a withdrawn signature from the journal')
    return removed
  }

  /** Whether the journal still holds a line of the person, or lacks their withdrawal line. */
  private async needsErasure(withdrawal: Withdrawal): Promise<boolean> {
    let tombstone = false
    for await (const { text } of this.lines(0)) {
      if (text.trim() === '') continue
      const entry = this.parseLine(text)
      if (!entry || entry.type === 'audit') continue
      if (entry.type === 'withdrawal') tombstone ||= entry.withdrawal.id === withdrawal.id
      else if (entry.record.id === withdrawal.id) return true
    }
    return !tombstone
  }

  /**
   * Purges the personal data of signatures the register confirmed (retention): each one's line
   * is replaced by its purged line, in the same place, in one atomic rewrite; every other line
   * stays byte for byte. A signature the journal lacks gets its purged line at the end.
   * Answers how many lines were replaced.
   */
  purge(records: PurgedRecord[]): Promise<number> {
    return this.serial(async () => {
      const byId = new Map(records.map((record) => [record.id, record]))
      const seen = new Set<string>()
      let replaced = 0
      const sealed = (record: PurgedRecord): KeptLine => {
        const entry: JournalEntry = { type: 'purged', record }
        return { line: this.cipher.seal(JSON.stringify(entry)), entry }
      }
      await this.rewrite(
        (line, entry) => {
          if (entry?.type !== 'signature' && entry?.type !== 'purged') return { line, entry }
          const purged = byId.get(entry.record.id)
          if (!purged) return { line, entry }
          seen.add(purged.id)
          if (entry.type === 'purged') return { line, entry }
          replaced += 1
          return sealed(purged)
        },
        () => records.filter((record) => !seen.has(record.id)).map(sealed),
      )
      return replaced
    })
  }

  /**
   * Replaces the journal with the lines `keep` answers for each line (null: dropped) and the
   * `extra` ones after them, atomically: a crash leaves either the old file or the new one.
   * The counts are those of the new file. Answers the number of lines written.
   */
  private async rewrite(
    keep: (line: string, entry: JournalEntry | null) => KeptLine | null,
    extra: () => KeptLine[] = () => [],
  ): Promise<number> {
    const temp = `${this.file}.${process.pid}.rewrite.tmp`
    const stats: JournalStats = { signatures: 0, withdrawals: 0, audits: 0, badLines: 0, bytes: 0 }
    let handle: FileHandle | undefined
    let written = 0
    try {
      handle = await open(temp, 'w', 0o600)
      let pending: string[] = []
      const put = async (kept: KeptLine) => {
        if (kept.entry) countEntry(stats, kept.entry)
        else stats.badLines += 1
        pending.push(kept.line)
        written += 1
        if (pending.length >= 1_000) {
          await handle!.write(pending.join('\n') + '\n')
          pending = []
        }
      }
      for await (const { text } of this.lines(0)) {
        if (text.trim() === '') continue
        const kept = keep(text, this.parseLine(text))
        if (kept) await put(kept)
      }
      for (const kept of extra()) await put(kept)
      if (pending.length) await handle.write(pending.join('\n') + '\n')
      await handle.sync()
      await handle.close()
      handle = undefined
      await rename(temp, this.file)
      await syncDir(dirname(this.file))
    } catch (error) {
      await handle?.close().catch(() => undefined)
      await rm(temp, { force: true })
      throw error
    }
    const info = await stat(this.file)
    stats.bytes = info.size
    this.known = { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, stats }
    this.cursor = null
    this.saveStats()
    return written
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
    this.check()
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
        const entry = this.parseLine(text)
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
    this.check()
    const info = await stat(this.file).catch(() => null)
    if (!info) return { signatures: 0, withdrawals: 0, audits: 0, badLines: 0, bytes: 0 }
    const known = this.known ?? (await this.loadStats())
    if (known && sameFile(known, info)) {
      this.known = known
      return { ...known.stats }
    }
    const stats: JournalStats = {
      signatures: 0,
      withdrawals: 0,
      audits: 0,
      badLines: 0,
      bytes: info.size,
    }
    for await (const { text } of this.lines(0)) {
      if (text.trim() === '') continue
      const entry = this.parseLine(text)
      if (!entry) stats.badLines += 1
      else countEntry(stats, entry)
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
        ![
          counts.signatures,
          counts.withdrawals,
          counts.audits,
          counts.badLines,
          counts.bytes,
        ].every(whole)
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
          await writeFile(temp, JSON.stringify(known), { mode: 0o600 })
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

  /** A line's entry (sealed, or plain from an older journal); null when unreadable. */
  private parseLine(text: string): JournalEntry | null {
    const opened = this.cipher.open(text)
    if (opened.kind === 'foreign-key') {
      this.keyProblem = wrongKey(this.file)
      throw this.keyProblem
    }
    return opened.kind === 'text' ? parseEntry(opened.text) : null
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

function parseEntry(text: string): JournalEntry | null {
  try {
    const result = journalEntrySchema.safeParse(JSON.parse(text))
    return result.success ? result.data : null
  } catch {
    return null
  }
}

function countEntry(stats: JournalStats, entry: JournalEntry): void {
  if (entry.type === 'signature' || entry.type === 'purged') stats.signatures += 1
  else if (entry.type === 'withdrawal') stats.withdrawals += 1
  else stats.audits += 1
}

function entryKey(entry: JournalEntry): string {
  switch (entry.type) {
    case 'signature':
      return `signature:${entry.record.id}`
    case 'withdrawal':
      return `withdrawal:${entry.withdrawal.id}`
    case 'audit':
      return `audit:${entry.audit.at}|${entry.audit.action}|${entry.audit.detail}`
    case 'purged':
      return `purged:${entry.record.id}`
  }
}

function wrongKey(file: string): ApiError {
  return new ApiError(
    'unavailable',
    `The journal ${file} is encrypted with another kiosk key (the key was lost or replaced). ` +
      'Nothing was read from it and nothing is written to it: restore the kiosk key, then restart.',
  )
}

async function endsWithNewline(handle: FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1)
  await handle.read(last, 0, 1, size - 1)
  return last[0] === 0x0a
}
