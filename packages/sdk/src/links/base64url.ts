/**
 * base64url without padding (RFC 4648 §5) over Uint8Array, with no `Buffer`
 * and no `atob`, so the links module runs on any runtime with WebCrypto.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const char = (index: number): string => ALPHABET.charAt(index);
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

/** Bytes → base64url text, unpadded. */
export function encodeBase64url(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += char(n >> 18) + char((n >> 12) & 63) + char((n >> 6) & 63) + char(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out += char(n >> 18) + char((n >> 12) & 63);
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += char(n >> 18) + char((n >> 12) & 63) + char((n >> 6) & 63);
  }
  return out;
}

/**
 * base64url text → bytes, or undefined when the text is not the canonical
 * encoding of some bytes: a character outside the alphabet, padding, a
 * length that leaves one character over, or unused low bits that are not
 * zero. Canonical only, so one byte string has exactly one text and a
 * signature cannot be varied in its spare bits.
 */
export function decodeBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (const letter of text) {
    const value = VALUES.get(letter);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  // The bits left over must be zero in the canonical encoding.
  if ((buffer & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}
