import { describe, expect, it } from 'vitest'
import { RecordQueue } from './record-queue'

describe('RecordQueue', () => {
  it('hands items to the consumer in order and ends after close', async () => {
    const queue = new RecordQueue<number>()
    const read: number[] = []
    const consumer = (async () => {
      for await (const item of queue) read.push(item)
    })()
    queue.push([1, 2])
    queue.push([3])
    queue.close()
    await consumer
    expect(read).toEqual([1, 2, 3])
  })

  it('holds a producer until the consumer has caught up, so little is ever queued', async () => {
    const queue = new RecordQueue<number>()
    let highest = 0
    const producer = (async () => {
      for (let chunk = 0; chunk < 20; chunk++) {
        queue.push(Array.from({ length: 10 }, (_, i) => chunk * 10 + i))
        highest = Math.max(highest, queue.length)
        await queue.waitBelow(10)
      }
      queue.close()
    })()
    let count = 0
    for await (const _item of queue) {
      count++
      // A slow consumer: one item per macrotask.
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    await producer
    expect(count).toBe(200)
    expect(highest).toBeLessThanOrEqual(19)
  })

  it('abandon releases waiting producers and ends the consumer', async () => {
    const queue = new RecordQueue<number>()
    queue.push([1, 2, 3])
    const waiting = queue.waitBelow(1)
    queue.abandon(new Error('stopped'))
    await waiting
    const read: number[] = []
    for await (const item of queue) read.push(item)
    expect(read).toEqual([])
    expect(() => queue.push([4])).toThrow(/closed/)
  })
})
