import { describe, expect, it } from 'vitest'
import { nestsDeeperThan } from './json-depth'

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings or after escaped quotes', () => {
    expect(nestsDeeperThan('[[{"a":[1]}]]', 4)).toBe(false)
    expect(nestsDeeperThan('[[{"a":[1]}]]', 3)).toBe(true)
    expect(nestsDeeperThan('["[[[[", "\\"[[[["]', 1)).toBe(false)
  })

  it('refuses 100,000 levels without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    expect(nestsDeeperThan(deep, 32)).toBe(true)
    expect(
      nestsDeeperThan('{"records":[' + '{"a":'.repeat(31) + '1' + '}'.repeat(31) + ']}', 32),
    ).toBe(true)
  })
})
