import { createHash, randomBytes } from 'node:crypto'
import { KIOSK_ID } from '../../electron/shared/register-protocol'
import type { Queryable } from './db/db'

/** SHA-256 of a token, hex: the only form in which tokens are stored or compared. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/**
 * Makes a new token for a kiosk and stores its hash. The token is returned once and cannot be
 * read back. Other tokens of the kiosk stay valid until revoked, so a kiosk can be re-keyed
 * without a gap.
 */
export async function createToken(db: Queryable, kioskId: string): Promise<string> {
  if (!KIOSK_ID.test(kioskId)) {
    throw new Error(`Kiosk id "${kioskId}": use 1–8 capital letters or digits, e.g. B03.`)
  }
  // 32 random bytes: guessing is hopeless, so a fast hash (no salt, no KDF) is enough at rest.
  const token = `ckr_${randomBytes(32).toString('base64url')}`
  await db.query('INSERT INTO kiosk_tokens (kiosk_id, token_sha256) VALUES ($1, $2)', [
    kioskId,
    hashToken(token),
  ])
  return token
}

/** Revokes every active token of a kiosk; returns how many were revoked. */
export async function revokeTokens(db: Queryable, kioskId: string): Promise<number> {
  const rows = await db.query<{ id: string }>(
    'UPDATE kiosk_tokens SET revoked_at = now() WHERE kiosk_id = $1 AND revoked_at IS NULL RETURNING id',
    [kioskId],
  )
  return rows.length
}

/** The kiosk a presented token belongs to, or null when it is unknown or revoked. */
export async function kioskForToken(db: Queryable, token: string): Promise<string | null> {
  const rows = await db.query<{ kiosk_id: string }>(
    'SELECT kiosk_id FROM kiosk_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  )
  return rows[0]?.kiosk_id ?? null
}
