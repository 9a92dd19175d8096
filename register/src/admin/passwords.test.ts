import { expect, it } from 'vitest'
import { generatePassword, hashPassword, verifyPassword } from './passwords'

it('hashes with scrypt, a salt of its own and the parameters stored beside the hash', async () => {
  const first = await hashPassword('correct horse')
  const second = await hashPassword('correct horse')

  expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
  expect(first.split('$')[4]).not.toBe(second.split('$')[4])
  expect(first).not.toBe(second)
  expect(first).not.toContain('correct horse')
})

it('verifies the right password only', async () => {
  const stored = await hashPassword('correct horse')

  expect(await verifyPassword('correct horse', stored)).toBe(true)
  expect(await verifyPassword('correct hors', stored)).toBe(false)
  expect(await verifyPassword('', stored)).toBe(false)
  expect(await verifyPassword('correct horse', 'not-a-hash')).toBe(false)
})

it('verifies by the parameters stored with the hash, not the current defaults', async () => {
  const [, , , , salt] = (await hashPassword('x')).split('$')
  const { scryptSync } = await import('node:crypto')
  const key = scryptSync('older', Buffer.from(salt ?? '', 'base64url'), 32, { N: 1024, r: 8, p: 1 })
  const older = `scrypt$1024$8$1$${salt}$${key.toString('base64url')}`

  expect(await verifyPassword('older', older)).toBe(true)
  expect(await verifyPassword('newer', older)).toBe(false)
})

it('generates passwords that differ and are long enough', () => {
  const passwords = new Set(Array.from({ length: 50 }, generatePassword))
  expect(passwords.size).toBe(50)
  for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/)
})
