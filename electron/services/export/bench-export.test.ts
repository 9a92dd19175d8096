import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dir'
import { benchExportDay } from './bench-export'

const newDir = useTempDirs()

describe('benchExportDay', () => {
  it('exports and verifies a generated day, reporting figures (not judging them)', async () => {
    const parent = await newDir()
    const result = await benchExportDay({ parentDir: parent, count: 300 })
    expect(result.records).toBe(300)
    expect(result.bytes).toBeGreaterThan(300 * 100)
    expect(result.writeMs).toBeGreaterThanOrEqual(0)
    expect(result.verifyMs).toBeGreaterThanOrEqual(0)
    expect(await readdir(parent)).toEqual(['EWRC26-B01-2026-10-12'])
  })
})
