/**
 * Bytes for the MIME decoder, without Node's `Buffer`: the core runs in
 * browsers, so bytes are `Uint8Array`s and text comes from `TextDecoder`.
 */

/** Each base64 character's six bits, or -1. */
export const BASE64 = new Int8Array(128).fill(-1)
for (let i = 0; i < 64; i++) BASE64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i

/**
 * Base64 → bytes, leniently, as mail readers decode it: characters outside
 * the alphabet (line breaks, blanks) are skipped, and `=` padding ends a unit,
 * since some mailers pad every line. A unit's trailing bits that do not make a
 * whole byte are dropped.
 *
 * @example
 * new TextDecoder().decode(decodeBase64('UHJ6ZXByYXN6YW15\r\n')) // 'Przepraszamy'
 */
export function decodeBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.ceil((text.length * 3) / 4))
  let n = 0
  let bits = 0
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 61 /* = */) {
      // Padding: drop the partial byte and start a new unit.
      bits = 0
      count = 0
      continue
    }
    const v = c < 128 ? BASE64[c]! : -1
    if (v < 0) continue
    bits = ((bits << 6) | v) & 0xffffff
    count += 6
    if (count >= 8) {
      count -= 8
      out[n++] = (bits >> count) & 0xff
    }
  }
  return out.subarray(0, n)
}
