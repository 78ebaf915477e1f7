import { PcxError } from "../errors/pcx-error.js";

/**
 * The state token format, version 2:
 *
 *     v2.<keyId>.<payload>.<signature>
 *
 * `payload` is base64url(UTF-8 JSON of the caller's fields plus `iid` (the
 * integration id), `nonce` (16 random bytes, base64url), `iat` and `exp`
 * (Unix seconds)); `signature` is base64url(HMAC-SHA-256(secret,
 * "v2.<keyId>.<payload>")). The key id is signed too, so a token cannot be
 * moved to another key. All four parts are URL-safe. Version 1 tokens (no
 * nonce, no integration) are refused as `unsupported_version`.
 */
export const STATE_VERSION = "v2";
/** Key ids: 1–32 of A–Z, a–z, 0–9, `_`, `-`. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** Shortest accepted secret, in bytes (UTF-8 for strings). */
export const MIN_SECRET_BYTES = 32;
/** Longest lifetime `signState` gives a state: 90 days, in seconds. */
export const MAX_STATE_LIFETIME_SEC = 90 * 86_400;
/** Most clock skew `verifyState` accepts past `exp`: one hour, in seconds. */
export const MAX_CLOCK_TOLERANCE_SEC = 3600;
/** Random bytes in each state's nonce (128 bits). */
export const NONCE_BYTES = 16;

/** A secret: text (UTF-8) or bytes. */
export type StateSecret = string | Uint8Array;

/** Fields the token itself sets; callers may not use them. */
export const RESERVED_FIELDS = ["iid", "nonce", "iat", "exp"] as const;

/** The caller's part of a state: a reference of its own plus small scalar fields. */
export interface StatePayload {
  /** The integrator's reference, e.g. its customer account id. */
  ref: string;
  [field: string]: string | number | boolean | null;
}

/** `PcxError("pcx_config")`: the code's own setup is wrong, not the input. */
export function configError(message: string, hint?: string): PcxError<"pcx_config"> {
  return new PcxError("pcx_config", message, hint ? { hint } : {});
}

/** WebCrypto's SubtleCrypto, or a clear error on a runtime without it. */
export function subtleCrypto(where: string): SubtleCrypto {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) {
    throw configError(
      `${where}: this runtime has no WebCrypto (globalThis.crypto.subtle)`,
      "Use Node 20+, Deno, Bun or a Workers runtime.",
    );
  }
  return subtle;
}

/** Also true for a Uint8Array (or Buffer) of another realm. */
function isUint8Array(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === "[object Uint8Array]";
}

/**
 * The secret as bytes; throws `pcx_config` naming `field` when it is not a
 * string or Uint8Array of at least MIN_SECRET_BYTES bytes. Never quotes it.
 */
export function secretBytes(secret: unknown, field: string): Uint8Array<ArrayBuffer> {
  let bytes: Uint8Array<ArrayBuffer>;
  if (typeof secret === "string") bytes = new TextEncoder().encode(secret);
  // A copy: the caller's array may change (or be a view of shared memory).
  else if (isUint8Array(secret)) bytes = new Uint8Array(secret);
  else {
    throw configError(
      `${field} must be a string or a Uint8Array, got ${secret === null ? "null" : typeof secret}`,
    );
  }
  if (bytes.byteLength < MIN_SECRET_BYTES) {
    throw configError(
      `${field} is ${bytes.byteLength} bytes; a state secret needs at least ${MIN_SECRET_BYTES}`,
      "Generate one with `openssl rand -base64 32` and keep it in your secret store.",
    );
  }
  return bytes;
}

/** Throws `pcx_config` unless `id` is a positive whole number. */
export function checkIntegrationId(id: unknown, where: string): number {
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
    throw configError(
      `${where}: options.integrationId must be the integration's id, a positive whole number; got ${
        typeof id === "number" ? id : typeof id
      }`,
      "Pass the id of the integration the link is for (pcx status shows it).",
    );
  }
  return id;
}

/** Milliseconds of a Date, also of another realm's Date; NaN for anything else. */
export function dateMs(value: unknown): number {
  return Object.prototype.toString.call(value) === "[object Date]"
    ? Date.prototype.getTime.call(value)
    : Number.NaN;
}

/** The clock's current time in ms; throws `pcx_config` when `now` is not a clock. */
export function nowMs(now: unknown, where: string): number {
  if (now === undefined) return Date.now();
  const ms = typeof now === "function" ? dateMs((now as () => unknown)()) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw configError(`${where}: options.now must be a function returning a valid Date`);
  }
  return ms;
}

/** How many imported keys `hmacKey` keeps: a few secrets per integration, a few integrations per process. */
const MAX_CACHED_KEYS = 32;
const importedKeys = new Map<string, Promise<CryptoKey>>();

/**
 * The HMAC-SHA-256 key for `secret`, imported once per secret and usage and
 * then reused: WebCrypto's `importKey` costs about as much as the
 * verification itself, on every state a callback checks. The keys are not
 * extractable; a failed import is not kept.
 */
export function hmacKey(
  subtle: SubtleCrypto,
  secret: Uint8Array<ArrayBuffer>,
  usage: "sign" | "verify",
): Promise<CryptoKey> {
  let id = usage;
  for (const byte of secret) id += String.fromCharCode(byte);
  const cached = importedKeys.get(id);
  if (cached) return cached;
  const imported = subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, [
    usage,
  ]);
  if (importedKeys.size >= MAX_CACHED_KEYS) {
    importedKeys.delete(importedKeys.keys().next().value as string);
  }
  importedKeys.set(id, imported);
  imported.catch(() => importedKeys.delete(id));
  return imported;
}

/** The bytes the signature covers: `v2.<keyId>.<payload>`. */
export function signedBytes(keyId: string, payload: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${STATE_VERSION}.${keyId}.${payload}`);
}
