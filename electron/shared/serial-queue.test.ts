import { describe, expect, it } from 'vitest'
import { SerialQueue } from './serial-queue'

const later = <T>(value: T, log: string[], name: string) =>
  new Promise<T>((resolve) =>
    setTimeout(() => {
      log.push(name)
      resolve(value)
    }, 0),
  )

describe('SerialQueue', () => {
  it('runs tasks one at a time, in order, each answering its own caller', async () => {
    const queue = new SerialQueue()
    const log: string[] = []
    const slow = queue.run(async () => {
      log.push('a starts')
      return later(1, log, 'a ends')
    })
    const fast = queue.run(() => {
      log.push('b runs')
      return 2
    })
    expect(await Promise.all([slow, fast])).toEqual([1, 2])
    expect(log).toEqual(['a starts', 'a ends', 'b runs'])
  })

  it('keeps going after a failed task, and idle waits for all of them', async () => {
    const queue = new SerialQueue()
    const log: string[] = []
    const failed = queue.run(() => Promise.reject(new Error('disk full')))
    const next = queue.run(() => later('ok', log, 'next'))
    await expect(failed).rejects.toThrow('disk full')
    await queue.idle()
    expect(log).toEqual(['next'])
    expect(await next).toBe('ok')
  })
})
