import { z } from 'zod'

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
