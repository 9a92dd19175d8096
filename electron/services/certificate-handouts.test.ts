import { readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  HANDOUT_LIFETIME_MS,
  removeExpiredHandouts,
  startHandoutSweeper,
} from './certificate-handouts'
import { useTempDirs } from './testing/temp-dir'

const newDir = useTempDirs()
afterEach(() => {
  vi.useRealTimers()
})

describe('removeExpiredHandouts', () => {
  it('removes only the PDFs older than the lifetime', async () => {
    const dir = await newDir()
    const now = Date.now()
    const old = join(dir, 'certificate-EWRC26-B01-000001.pdf')
    await writeFile(old, 'old')
    await writeFile(join(dir, 'certificate-EWRC26-B01-000002.pdf'), 'new')
    const elevenMinutesAgo = new Date(now - 11 * 60_000)
    await utimes(old, elevenMinutesAgo, elevenMinutesAgo)
    expect(await removeExpiredHandouts(dir, now)).toEqual(['certificate-EWRC26-B01-000001.pdf'])
    expect(await readdir(dir)).toEqual(['certificate-EWRC26-B01-000002.pdf'])
    expect(await removeExpiredHandouts(dir, now + HANDOUT_LIFETIME_MS - 5_000)).toEqual([])
  })

  it('is nothing to do when the folder does not exist', async () => {
    expect(await removeExpiredHandouts(join(await newDir(), 'certificates'), Date.now())).toEqual(
      [],
    )
  })
})

describe('startHandoutSweeper', () => {
  it('deletes a saved certificate about ten minutes after it was written (fake clock)', async () => {
    const dir = await newDir()
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: Date.now() })
    await writeFile(join(dir, 'certificate-EWRC26-B01-000003.pdf'), 'pdf')
    const stop = startHandoutSweeper(dir)
    try {
      await vi.advanceTimersByTimeAsync(9 * 60_000)
      await vi.waitFor(async () => expect(await readdir(dir)).toHaveLength(1))
      await vi.advanceTimersByTimeAsync(2 * 60_000)
      await vi.waitFor(async () => expect(await readdir(dir)).toEqual([]))
    } finally {
      stop()
    }
  })
})
