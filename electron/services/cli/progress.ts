/** Where progress goes: a stream with `isTTY` (process.stderr, or a stand-in in tests). */
export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
}

export interface ProgressOptions {
  /** What is counted, in the plural: `pages`. */
  noun: string
  total: number
  stream: ProgressStream
  /** Milliseconds now; a fake clock in tests. */
  now?: () => number
  /** On a terminal, the line is redrawn at most this often (ms). */
  redrawMs?: number
  /** Elsewhere (a log file, a pipe), a plain line each time another this many per cent are done. */
  stepPercent?: number
}

export interface Progress {
  /** `done` of the total are finished. */
  update(done: number): void
  /** The last state, with a newline on a terminal so the next message starts on a line of its own. */
  end(): void
}

/**
 * Progress of a long command on stderr, never stdout (which may carry the PDF itself): on a
 * terminal one line redrawn with `\r` (done of total, rate, time left); elsewhere plain lines
 * at every `stepPercent`, which a log keeps readable.
 */
export function createProgress(options: ProgressOptions): Progress {
  const { noun, total, stream } = options
  const now = options.now ?? Date.now
  const redrawMs = options.redrawMs ?? 200
  const step = Math.max(1, Math.round((total * (options.stepPercent ?? 10)) / 100))
  const started = now()
  const tty = stream.isTTY === true
  let lastDrawn = Number.NEGATIVE_INFINITY
  let lastStep = 0
  let done = 0
  let width = 0

  const line = () => describeProgress(done, total, noun, now() - started)
  const draw = () => {
    const text = line()
    // Pad over the rest of a longer earlier line.
    stream.write(`\r${text}${' '.repeat(Math.max(0, width - text.length))}`)
    width = text.length
    lastDrawn = now()
  }

  return {
    update(value) {
      done = value
      if (tty) {
        if (now() - lastDrawn >= redrawMs || done === total) draw()
      } else if (Math.floor(done / step) > Math.floor(lastStep / step) && done < total) {
        lastStep = done
        stream.write(`${line()}\n`)
      }
    },
    end() {
      if (tty) {
        draw()
        stream.write('\n')
      } else stream.write(`${line()}\n`)
    },
  }
}

/** `12,500 / 25,000 pages (50%), 270 pages/s, about 46 s left`. */
export function describeProgress(
  done: number,
  total: number,
  noun: string,
  elapsedMs: number,
): string {
  const count = new Intl.NumberFormat('en')
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100
  const parts = [`${count.format(done)} / ${count.format(total)} ${noun} (${percent}%)`]
  const seconds = elapsedMs / 1000
  if (done > 0 && seconds >= 0.5) {
    const rate = done / seconds
    parts.push(`${count.format(Math.round(rate))} ${noun}/s`)
    if (done < total) parts.push(`about ${duration((total - done) / rate)} left`)
    else parts.push(`in ${duration(seconds)}`)
  }
  return parts.join(', ')
}

/** `46 s`, `3 min 05 s`, `1 h 02 min`. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`
}
