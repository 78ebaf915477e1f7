import { createHmac } from "node:crypto";

/**
 * The state token format, version 1:
 *
 *     v1.<keyId>.<payload>.<signature>
 *
 * `payload` is base64url(JSON of the caller's fields plus `iat` and `exp`, in
 * Unix seconds); `signature` is base64url(HMAC-SHA256(secret, "v1.<keyId>.<payload>")).
 * The key id is signed too, so a token cannot be moved to another key. All four
 * parts use URL-safe characters only.
 */
export const STATE_VERSION = "v1";
/** Key ids: 1–32 of A–Z, a–z, 0–9, `_`, `-`. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** Longest token `signState` produces and `verifyState` reads. */
export const MAX_STATE_LENGTH = 1024;
/** Shortest accepted secret, in bytes (UTF-8 for strings). */
export const MIN_SECRET_BYTES = 32;

/** A secret as bytes. */
export type StateSecret = string | Uint8Array;

export function secretBytes(secret: StateSecret): Uint8Array {
  return typeof secret === "string" ? new TextEncoder().encode(secret) : secret;
}

export function stateSignature(secret: StateSecret, keyId: string, payload: string): Buffer {
  return createHmac("sha256", secretBytes(secret))
    .update(`${STATE_VERSION}.${keyId}.${payload}`)
    .digest();
}

/** Fields the token itself sets; callers may not use them. */
export const RESERVED_FIELDS = ["iat", "exp"] as const;

/** The caller's part of a state: a reference of its own plus small scalar fields. */
export interface StatePayload {
  /** The integrator's reference, e.g. its customer account id. */
  ref: string;
  [field: string]: string | number | boolean | null;
}
