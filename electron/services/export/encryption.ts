import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption'

/** An organisers' key pair: the identity (secret) decrypts, the recipient (public) goes in settings. */
export interface AgeKeyPair {
  identity: string
  recipient: string
}

/** A new X25519 key pair (`AGE-SECRET-KEY-1…` / `age1…`), interoperable with the `age` tool. */
export async function generateKeyPair(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity()
  return { identity, recipient: await identityToRecipient(identity) }
}

/** Encrypts to one recipient; the output differs at every call (fresh file key). */
export async function encryptTo(recipient: string, data: Uint8Array): Promise<Buffer> {
  const encrypter = new Encrypter()
  encrypter.addRecipient(recipient)
  return Buffer.from(await encrypter.encrypt(data))
}

/** Decrypts with an identity; throws when the key does not fit or the file was altered. */
export async function decryptWith(identity: string, data: Uint8Array): Promise<Buffer> {
  const decrypter = new Decrypter()
  decrypter.addIdentity(identity)
  return Buffer.from(await decrypter.decrypt(data))
}

/**
 * The identity in an identity file as `age-keygen` writes it: comment lines (`#`) and one
 * `AGE-SECRET-KEY-1…` line. Null when there is none.
 */
export function parseIdentityFile(text: string): string | null {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.startsWith('AGE-SECRET-KEY-'))
  return line ?? null
}

/** Encrypts a stream to one recipient, chunk by chunk (age's STREAM): for files of any size. */
export async function encryptStreamTo(
  recipient: string,
  source: ReadableStream<Uint8Array>,
): Promise<ReadableStream<Uint8Array>> {
  const encrypter = new Encrypter()
  encrypter.addRecipient(recipient)
  return encrypter.encrypt(source)
}
