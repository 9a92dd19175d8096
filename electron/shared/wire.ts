/**
 * JSON encoding for API envelopes over HTTP. Binary results (PDFs) travel as
 * `{"$bytes": "<base64>"}` and come back as Uint8Array; everything else is plain JSON.
 */
export function toWire(value: unknown): string {
  // Read the holder's raw value: JSON.stringify has already applied Buffer's toJSON to `v`.
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key]
    return raw instanceof Uint8Array ? { $bytes: bytesToBase64(raw) } : v
  })
}

export function fromWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (isBytesBox(v) ? base64ToBytes(v.$bytes) : v))
}

function isBytesBox(v: unknown): v is { $bytes: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    Object.keys(v).length === 1 &&
    typeof (v as { $bytes?: unknown }).$bytes === 'string'
  )
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
