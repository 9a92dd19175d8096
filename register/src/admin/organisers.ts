import type { Queryable } from '../db/db'
import { openStorage, type StorageOptions } from '../db/open'
import { generatePassword, hashPassword } from './passwords'

export const ORGANISER_ROLES = ['organiser', 'admin'] as const
export type OrganiserRole = (typeof ORGANISER_ROLES)[number]

export const ORGANISER_NAME = /^[a-z0-9][a-z0-9._-]{1,62}$/

/**
 * Creates an organiser account with a generated password and returns the password (the only
 * time it is seen; only its scrypt hash is stored).
 */
export async function createOrganiser(
  db: Queryable,
  name: string,
  role: OrganiserRole,
): Promise<string> {
  if (!ORGANISER_NAME.test(name)) {
    throw new Error(
      `Organiser name "${name}": use 2–63 lower-case letters, digits, ".", "_" or "-", e.g. anna.`,
    )
  }
  const existing = await db.query('SELECT 1 FROM organisers WHERE name = $1', [name])
  if (existing.length > 0) throw new Error(`Organiser "${name}" exists already.`)
  const password = generatePassword()
  await db.query('INSERT INTO organisers (name, role, password_hash) VALUES ($1, $2, $3)', [
    name,
    role,
    await hashPassword(password),
  ])
  return password
}

/** createOrganiser on the register's storage (a stopped register's, for the embedded database). */
export async function createOrganiserIn(
  storage: StorageOptions,
  name: string,
  role: OrganiserRole,
): Promise<string> {
  const db = await openStorage(storage)
  try {
    return await createOrganiser(db, name, role)
  } finally {
    await db.close()
  }
}
