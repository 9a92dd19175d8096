import { z } from 'zod'

/**
 * The staff console locks after this long without staff activity: the main process's session and
 * the console's own timer both use it.
 */
export const STAFF_IDLE_MS = 2 * 60_000

/** Staff PINs: 6 to 12 digits. */
export const staffPinSchema = z.string().regex(/^\d{6,12}$/, 'The PIN must be 6 to 12 digits')

export interface StaffStatus {
  pinSet: boolean
  /** While set, no PIN is checked: too many wrong attempts. */
  lockedUntil: string | null
  unlocked: boolean
}

export type UnlockResult =
  { ok: true } | { ok: false; lockedUntil: string | null; attemptsLeft: number }
