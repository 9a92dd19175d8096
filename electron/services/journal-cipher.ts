import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

const ALGORITHM = 'aes-256-gcm'
const NONCE_BYTES = 12
const TAG_BYTES = 16
/** Binds each line to what it is, so a sealed line from another file of the kiosk does not read as a journal line. */
const ASSOCIATED = Buffer.from('cohesion-kiosk journal line v1')

/** One sealed journal line as stored: key id, nonce and ciphertext with its tag (base64). */
interface SealedLine {
  k: string
  n: string
  c: string
}

export type OpenedLine =
  /** `sealed` false: a plain line of a journal written before encryption. */
  | { kind: 'text'; text: string; sealed: boolean }
  | { kind: 'foreign-key'; keyId: string }
  | { kind: 'unreadable' }

/**
 * Seals and opens journal lines with the kiosk key: AES-256-GCM from Node's crypto, a random
 * 12-byte nonce per line. Each line carries the key's id (a hash, not the key), so a line sealed
 * with another key is told apart from a damaged one: a lost key is an error, not empty data.
 */
export class LineCipher {
  readonly keyId: string

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The kiosk key must be 32 bytes')
    this.keyId = createHash('sha256')
      .update('cohesion-kiosk key id\0')
      .update(key)
      .digest('base64url')
      .slice(0, 16)
  }

  seal(text: string): string {
    const nonce = randomBytes(NONCE_BYTES)
    const cipher = createCipheriv(ALGORITHM, this.key, nonce, { authTagLength: TAG_BYTES })
    cipher.setAAD(ASSOCIATED)
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()])
    const line: SealedLine = {
      k: this.keyId,
      n: nonce.toString('base64'),
      c: body.toString('base64'),
    }
    return JSON.stringify(line)
  }

  /** Opens a sealed line; a plain line of an older journal comes back unsealed. */
  open(line: string): OpenedLine {
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      return { kind: 'unreadable' }
    }
    if (!isSealed(parsed)) return { kind: 'text', text: line, sealed: false }
    if (parsed.k !== this.keyId) return { kind: 'foreign-key', keyId: parsed.k }
    try {
      const nonce = Buffer.from(parsed.n, 'base64')
      const body = Buffer.from(parsed.c, 'base64')
      if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) return { kind: 'unreadable' }
      const decipher = createDecipheriv(ALGORITHM, this.key, nonce, { authTagLength: TAG_BYTES })
      decipher.setAAD(ASSOCIATED)
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
      const plain = Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ])
      return { kind: 'text', text: plain.toString('utf8'), sealed: true }
    } catch {
      return { kind: 'unreadable' }
    }
  }

  /** Whether a line is sealed (by any key). */
  static isSealed(line: string): boolean {
    try {
      return isSealed(JSON.parse(line))
    } catch {
      return false
    }
  }
}

function isSealed(value: unknown): value is SealedLine {
  if (typeof value !== 'object' || value === null) return false
  const line = value as Record<string, unknown>
  return typeof line.k === 'string' && typeof line.n === 'string' && typeof line.c === 'string'
}
