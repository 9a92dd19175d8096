/** Electron glue: the kiosk key wrapped by the OS key store (safeStorage). Logic lives in services/kiosk-key. */
import { safeStorage } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { KIOSK_KEY_FILE, fileKeyProvider, type KeyProvider } from '../services/kiosk-key'

/** The wrapped key file beside the data when the OS key store holds the wrapping key. */
const WRAPPED_KEY_FILE = 'kiosk.key.os'

/**
 * The kiosk key wrapped with safeStorage where the OS offers a real key store (Keychain, DPAPI,
 * libsecret/kwallet); else, and for a data folder whose key is already a plain key file (it
 * started on the web host), the 0600 key file. Call after `app` is ready.
 */
export function osKeyProvider(dataDir: string): KeyProvider {
  const plainExists = existsSync(join(dataDir, KIOSK_KEY_FILE))
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'
  // 'basic_text' is a fixed password compiled into Chromium: no better than a plain key file.
  const usable =
    safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown'
  if (plainExists || !usable) return fileKeyProvider(dataDir)
  return fileKeyProvider(dataDir, {
    file: WRAPPED_KEY_FILE,
    describe: 'the OS key store (Electron safeStorage)',
    wrapper: {
      wrap: (key) => safeStorage.encryptString(key.toString('base64')),
      unwrap: (stored) => Buffer.from(safeStorage.decryptString(stored), 'base64'),
    },
  })
}
