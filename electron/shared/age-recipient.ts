/**
 * An age X25519 recipient (public key): "age1" and 58 lower-case bech32 characters. Checked
 * here by shape so the settings form and the main process agree; the encryption library checks
 * the bech32 checksum when it encrypts.
 */
export const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/
