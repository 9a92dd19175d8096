import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dir'
import { benchExportDay } from './bench-export'

const newDir = useTempDirs()

describe('benchExportDay', () => {
  it('exports and verifies a generated day, timing the write and the verification with its clock', async () => {
    const parent = await newDir()
    // A fake clock: four readings, around the write and around the verification.
    const readings = [1_000, 1_250.4, 1_300, 1_340.6]
    let read = 0
    const clock = () => readings[read++] ?? Number.NaN
    const result = await benchExportDay({ parentDir: parent, count: 300, clock })
    expect(result.records).toBe(300)
    expect(result.bytes).toBeGreaterThan(300 * 100)
    expect(read).toBe(4)
    expect(result.writeMs).toBe(250)
    expect(result.verifyMs).toBe(41)
    expect(await readdir(parent)).toEqual(['EWRC26-B01-2026-10-12'])
  })
})
