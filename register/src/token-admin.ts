import { openStorage, type StorageOptions } from './db/open'
import { createToken, revokeTokens } from './tokens'

/**
 * Creates a kiosk token in the register's storage and returns it (the only time it is seen).
 * With the embedded database the register must not be running on that folder: the folder lock
 * refuses, rather than letting two processes share one PGlite.
 */
export async function createTokenIn(storage: StorageOptions, kioskId: string): Promise<string> {
  const db = await openStorage(storage)
  try {
    return await createToken(db, kioskId)
  } finally {
    await db.close()
  }
}

/** Revokes every active token of a kiosk in the register's storage; returns how many. */
export async function revokeTokensIn(storage: StorageOptions, kioskId: string): Promise<number> {
  const db = await openStorage(storage)
  try {
    return await revokeTokens(db, kioskId)
  } finally {
    await db.close()
  }
}
