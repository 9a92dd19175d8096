import { describe, expect, it } from 'vitest'
import { fromWire, toWire } from '../shared/wire'

describe('wire encoding', () => {
  it('carries bytes (Uint8Array and Node Buffers alike) through JSON unchanged', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255])
    const back = fromWire(toWire({ ok: true, value: Buffer.from(bytes), nested: [bytes] })) as {
      value: Uint8Array
      nested: Uint8Array[]
    }
    expect(back.value).toBeInstanceOf(Uint8Array)
    expect([...back.value]).toEqual([...bytes])
    expect([...back.nested[0]!]).toEqual([...bytes])
  })

  it('leaves ordinary JSON alone', () => {
    const value = { a: 1, b: ['x', null], c: { $bytes: 1 } }
    expect(fromWire(toWire(value))).toEqual(value)
  })
})
