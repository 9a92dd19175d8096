import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto'
import type { Access } from '../shared/api'
import { ApiError } from '../shared/api-error'
import { STAFF_IDLE_MS, type StaffStatus, type UnlockResult } from '../shared/staff'
import type { SettingsStore } from './settings-store'
import { SerialQueue } from '../shared/serial-queue'

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const
const KEY_LENGTH = 32
/** Wrong PINs allowed before entry is locked; each further lock doubles, up to an hour. */
export const FREE_ATTEMPTS = 5
const FIRST_LOCK_MS = 30_000
const MAX_LOCK_MS = 60 * 60_000

function scrypt(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(pin.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(pin, salt, SCRYPT)
  return [
    'scrypt',
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$')
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await scrypt(pin, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/**
 * The staff PIN and the console session, in the main process only. The PIN hash sits in the
 * settings' secrets; wrong attempts lock entry for a growing delay; the session closes after
 * two idle minutes or on Lock. It is the dispatcher's access gate.
 *
 * Attempts are verified one at a time, in order of arrival: each one sees the failures and the
 * lock left by the one before, so a burst of attempts sent at once gets no more tries than
 * attempts sent one by one. During a lock nothing is hashed. The failure count and the lock end
 * are saved in the settings store before the answer goes out, so a restart keeps them.
 */
export class StaffAuth {
  private sessionUntil = 0
  private readonly attempts = new SerialQueue()
  private readonly now: () => number
  private readonly verify: (pin: string, stored: string) => Promise<boolean>

  constructor(
    private readonly settings: SettingsStore,
    options: {
      now?: () => number
      /** The slow check; tests count its calls. */
      verify?: (pin: string, stored: string) => Promise<boolean>
    } = {},
  ) {
    this.now = options.now ?? Date.now
    this.verify = options.verify ?? verifyPin
  }

  status(): StaffStatus {
    const lockedUntil = this.lockedUntil()
    return {
      pinSet: this.settings.secret('staffPinHash') !== null,
      lockedUntil: lockedUntil > this.now() ? new Date(lockedUntil).toISOString() : null,
      unlocked: this.sessionOpen(),
    }
  }

  unlock(pin: string): Promise<UnlockResult> {
    return this.attempts.run(() => this.attempt(pin))
  }

  private async attempt(pin: string): Promise<UnlockResult> {
    const lockedUntil = this.lockedUntil()
    if (lockedUntil > this.now()) {
      return { ok: false, lockedUntil: new Date(lockedUntil).toISOString(), attemptsLeft: 0 }
    }
    const stored = this.settings.secret('staffPinHash')
    if (!stored) throw new ApiError('conflict', 'No staff PIN is set yet', { reason: 'no-pin' })
    if (await this.verify(pin, stored)) {
      if (this.settings.secret('staffPinFailures') !== 0 || this.lockedUntil() !== 0) {
        await this.settings.setSecrets({ staffPinFailures: 0, staffPinLockedUntil: null })
      }
      this.sessionUntil = this.now() + STAFF_IDLE_MS
      return { ok: true }
    }
    const failures = this.settings.secret('staffPinFailures') + 1
    const over = failures - FREE_ATTEMPTS
    // The lock runs from the end of the check, so the hashing time does not shorten it.
    const until = over >= 0 ? this.now() + Math.min(FIRST_LOCK_MS * 2 ** over, MAX_LOCK_MS) : null
    await this.settings.setSecrets({ staffPinFailures: failures, staffPinLockedUntil: until })
    if (until !== null) {
      return { ok: false, lockedUntil: new Date(until).toISOString(), attemptsLeft: 0 }
    }
    return { ok: false, lockedUntil: null, attemptsLeft: FREE_ATTEMPTS - failures }
  }

  /** Sets the PIN and opens a session. Who may call it is the contract's `setup` rule (see `require`). */
  async setPin(pin: string): Promise<void> {
    await this.settings.setSecret('staffPinHash', await hashPin(pin))
    this.sessionUntil = this.now() + STAFF_IDLE_MS
  }

  lock(): void {
    this.sessionUntil = 0
  }

  /**
   * The contract's access rule for one call (dispatch asks before every handler): `staff` needs an
   * open session, `setup` too once a PIN is set. Staff activity keeps the session alive.
   */
  require(access: Access): void {
    if (access === 'public') return
    if (access === 'setup' && this.settings.secret('staffPinHash') === null) return
    if (!this.sessionOpen()) {
      throw new ApiError('forbidden', 'The staff console is locked', { reason: 'staff-locked' })
    }
    this.sessionUntil = this.now() + STAFF_IDLE_MS
  }

  private lockedUntil(): number {
    return this.settings.secret('staffPinLockedUntil') ?? 0
  }

  private sessionOpen(): boolean {
    return this.sessionUntil > this.now()
  }
}
