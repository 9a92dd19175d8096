/**
 * Runs tasks one after another, in the order they were queued: the journal's appends, the
 * settings file's writes, the signatures table's loads and changes. A task that fails answers
 * its own caller and does not stop the ones after it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  /** Queues `task`; answers what it answers, once every task queued before it has ended. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task)
    this.tail = result.catch(() => undefined)
    return result
  }

  /** Resolves once every task queued so far has ended, however it ended. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined)
  }
}
