import { describe, expect, it } from 'vitest'
import { saveSignature } from '../../../db/save-signature'
import { sampleDraft, testDatabases } from '../../../db/testing/test-db'
import { dashboardStats } from './dashboard-stats'

const freshDb = testDatabases()

describe('dashboardStats', () => {
  it("counts today's signatures per hour of the event's zone, and the splits, from the counters", async () => {
    const db = freshDb()
    const ctx = { eventCode: 'EWRC26', kioskId: 'B01', timeZone: 'Asia/Kathmandu' }
    // Kathmandu is UTC+5:45: 18:20 UTC on 30 Nov is 00:05 on 1 Dec there.
    const times = [
      '2026-11-30T18:10:00Z', // 23:55 on 30 Nov: yesterday
      '2026-11-30T18:20:00Z', // 00:05
      '2026-12-01T03:14:00Z', // 08:59
      '2026-12-01T03:16:00Z', // 09:01
      '2026-12-01T03:40:00Z', // 09:25
    ]
    for (const [i, at] of times.entries()) {
      const organisation = i === 4
      await saveSignature(
        db,
        sampleDraft(i + 1, {
          country: i < 2 ? 'DE' : 'PL',
          capacity: organisation ? 'organisation' : 'individual',
          organisationType: organisation ? 'city' : null,
          organisationName: organisation ? 'Stowarzyszenie' : null,
        }),
        ctx,
        new Date(at),
      )
    }
    const stats = await dashboardStats(db, ctx.timeZone, new Date('2026-12-01T10:00:00Z'))
    expect(stats.total).toBe(5)
    expect(stats.today).toBe(4)
    const expected = Array.from({ length: 24 }, () => 0)
    expected[0] = 1
    expected[8] = 1
    expected[9] = 2
    expect(stats.perHour).toEqual(expected)
    expect(stats.byCapacity).toEqual({ individual: 4, organisation: 1 })
    expect(stats.byType).toEqual([{ type: 'city', count: 1 }])
    expect(stats.byCountry).toEqual([
      { country: 'PL', count: 3 },
      { country: 'DE', count: 2 },
    ])
  })
})
