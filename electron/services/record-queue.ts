/**
 * A one-consumer async queue: producers `push` items as calls arrive, the consumer reads them
 * with `for await`, and producers can wait until the consumer has caught up (`waitBelow`), which
 * is how a bulk job keeps memory flat however many records are sent.
 */
export class RecordQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = []
  private closed = false
  private failure: unknown = undefined
  private wakeConsumer: (() => void) | null = null
  private readonly producers = new Set<() => void>()

  get length(): number {
    return this.items.length
  }

  push(items: readonly T[]): void {
    if (this.closed) throw new Error('The queue is closed')
    this.items.push(...items)
    this.wake()
  }

  /** No more items: the consumer ends once it has read what is queued. */
  close(): void {
    this.closed = true
    this.wake()
  }

  /** The consumer stopped (failed or cancelled): waiting producers are released at once. */
  abandon(reason: unknown): void {
    this.failure ??= reason
    this.closed = true
    this.items.length = 0
    this.wake()
  }

  /** Resolves once fewer than `limit` items wait, or the queue was abandoned. */
  async waitBelow(limit: number): Promise<void> {
    while (this.items.length >= limit && this.failure === undefined) {
      await new Promise<void>((resolve) => this.producers.add(resolve))
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.items.length > 0) {
        const item = this.items.shift() as T
        this.wakeProducers()
        yield item
        continue
      }
      if (this.closed) return
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve))
    }
  }

  private wake(): void {
    const consumer = this.wakeConsumer
    this.wakeConsumer = null
    consumer?.()
    this.wakeProducers()
  }

  private wakeProducers(): void {
    for (const resolve of this.producers) resolve()
    this.producers.clear()
  }
}
