import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/db'
import type { OrganiserRole } from './organisers'
import { verifyPassword } from './passwords'

/** Failed logins in a row after which an account is locked, and for how long. */
export const LOCKOUT = { failures: 5, minutes: 15 } as const
/** How long a session lasts from login. */
export const SESSION_HOURS = 12

// A well-formed hash nobody knows the password of: an unknown name costs as much as a known one.
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

export interface Session {
  organiserId: number
  name: string
  role: OrganiserRole
  csrfToken: string
}

export type LoginOutcome =
  | { kind: 'ok'; cookie: string; session: Session; expiresAt: Date }
  | { kind: 'refused' }
  | { kind: 'locked'; until: Date }

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex')

interface OrganiserRow {
  id: string
  name: string
  role: OrganiserRole
  password_hash: string
  locked: boolean
  locked_until: string | null
}

/**
 * Checks a name and password. Success opens a session (stored as the SHA-256 of its cookie) and
 * clears the failure count; a failure counts against the account, which is locked for
 * LOCKOUT.minutes after LOCKOUT.failures in a row, even for the right password.
 */
export async function login(db: Queryable, name: string, password: string): Promise<LoginOutcome> {
  const [row] = await db.query<OrganiserRow>(
    `SELECT id::text AS id, name, role, password_hash,
            COALESCE(locked_until > now(), false) AS locked,
            to_char(locked_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS locked_until
       FROM organisers WHERE name = $1`,
    [name],
  )
  const matches = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH)
  if (!row) return { kind: 'refused' }
  if (row.locked && row.locked_until) return { kind: 'locked', until: new Date(row.locked_until) }
  if (!matches) {
    await db.query(
      `UPDATE organisers
          SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2
                                  THEN now() + make_interval(mins => $3) END
        WHERE id = $1`,
      [row.id, LOCKOUT.failures, LOCKOUT.minutes],
    )
    return { kind: 'refused' }
  }
  await db.query('UPDATE organisers SET failed_logins = 0, locked_until = NULL WHERE id = $1', [
    row.id,
  ])
  const cookie = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(32).toString('base64url')
  const [created] = await db.query<{ expires_at: string }>(
    `INSERT INTO organiser_sessions (token_sha256, organiser_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))
     RETURNING to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expires_at`,
    [sha256(cookie), row.id, csrfToken, SESSION_HOURS],
  )
  return {
    kind: 'ok',
    cookie,
    expiresAt: new Date(created?.expires_at ?? Date.now()),
    session: { organiserId: Number(row.id), name: row.name, role: row.role, csrfToken },
  }
}

/** The live session a cookie opens, or null when it is unknown or expired. */
export async function sessionFor(db: Queryable, cookie: string): Promise<Session | null> {
  const [row] = await db.query<{ id: string; name: string; role: OrganiserRole; csrf: string }>(
    `SELECT o.id::text AS id, o.name, o.role, s.csrf_token AS csrf
       FROM organiser_sessions s JOIN organisers o ON o.id = s.organiser_id
      WHERE s.token_sha256 = $1 AND s.expires_at > now()`,
    [sha256(cookie)],
  )
  if (!row) return null
  return { organiserId: Number(row.id), name: row.name, role: row.role, csrfToken: row.csrf }
}

/** Ends a session (and sweeps expired ones while at it). */
export async function logout(db: Queryable, cookie: string): Promise<void> {
  await db.query('DELETE FROM organiser_sessions WHERE token_sha256 = $1 OR expires_at <= now()', [
    sha256(cookie),
  ])
}
