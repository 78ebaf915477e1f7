import { PcxError } from "../errors/index.js";
import type { SecretSealer } from "./activation-store.js";
import { base64ToBytes, bytesToBase64, bytesToBase64Url } from "./base64.js";

/**
 * The sealed format, version 1:
 *
 *     pcxk1.<keyId>.<base64url IV>.<base64url ciphertext+tag>
 *
 * AES-256-GCM with a random 96-bit IV and a 128-bit tag; "pcxk1.<keyId>" is
 * the additional authenticated data, so neither the version nor the key id can
 * be changed without the open failing. Every part is URL-safe.
 */
export const SEALED_FORMAT_VERSION = "pcxk1";
/** Keyring key ids: 1–32 of A–Z, a–z, 0–9, `_`, `-`. */
export const KEYRING_KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Longest sealed value `open` reads (a technical-user API key is far shorter). */
const MAX_SEALED_LENGTH = 16_384;

/** One key of a keyring: its id and 32 key bytes. */
export interface KeyringKey {
  /** Names the key inside every value it seals. 1–32 of `A–Za–z0–9_-`. Required. */
  id: string;
  /** 32 random bytes, as base64 (standard or URL-safe) or bytes; `generateKeyringKey()` makes one. Required. */
  key: string | Uint8Array;
}

/** The options of `createKeyring`. */
export interface KeyringOptions {
  /**
   * Every key that may have sealed a stored value, oldest first. To rotate,
   * append a new key (it becomes current), run `rotateSealedKeys`, then drop
   * the old one. Required, at least one.
   */
  keys: ReadonlyArray<KeyringKey>;
  /** The id of the key that seals new values. Default: the last key in `keys`. */
  current?: string;
}

/** A `SecretSealer` over AES-256-GCM keys with ids, made by `createKeyring`. */
export interface Keyring extends SecretSealer {
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
  /** Every key id this keyring can open, in the order given. */
  readonly keyIds: readonly string[];
  /** The key id a sealed value names; throws `pcx_keyring` when it is not a sealed value. */
  keyIdOf(sealed: string): string;
  /** True when `sealed` was sealed under another key than the current one. */
  needsRotation(sealed: string): boolean;
}

function keyringError(message: string, hint?: string, cause?: unknown): PcxError {
  return new PcxError("pcx_keyring", message, {
    ...(hint ? { hint } : {}),
    ...(cause === undefined ? {} : { cause }),
  });
}

function subtle(): SubtleCrypto {
  const found = globalThis.crypto?.subtle;
  if (!found) {
    throw keyringError(
      "WebCrypto (globalThis.crypto.subtle) is not available in this runtime",
      "Run on Node 20+, Bun, Deno or a Workers runtime.",
    );
  }
  return found;
}

function keyBytes(entry: KeyringKey, index: number): Uint8Array {
  const field = `keys[${index}].key`;
  const bytes =
    typeof entry.key === "string"
      ? base64ToBytes(entry.key.trim())
      : entry.key instanceof Uint8Array
        ? entry.key
        : undefined;
  if (!bytes) {
    throw keyringError(
      `${field} must be base64 text or a Uint8Array`,
      "Generate a key with generateKeyringKey() or `openssl rand -base64 32`.",
    );
  }
  if (bytes.byteLength !== KEY_BYTES) {
    throw keyringError(
      `${field} must be ${KEY_BYTES} bytes for AES-256, not ${bytes.byteLength}`,
      "Generate a key with generateKeyringKey() or `openssl rand -base64 32`.",
    );
  }
  return bytes;
}

/** Splits a sealed value; undefined when it is not in the sealed format. */
function parseSealed(sealed: unknown) {
  if (typeof sealed !== "string" || sealed.length > MAX_SEALED_LENGTH) return undefined;
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== SEALED_FORMAT_VERSION) return undefined;
  const [, keyId = "", ivText = "", dataText = ""] = parts;
  if (!KEYRING_KEY_ID_PATTERN.test(keyId)) return undefined;
  const iv = base64ToBytes(ivText);
  const data = base64ToBytes(dataText);
  // Canonical encodings only: a value that decodes alike but reads differently was altered.
  if (!iv || iv.byteLength !== IV_BYTES || bytesToBase64Url(iv) !== ivText) return undefined;
  if (!data || data.byteLength < TAG_BYTES || bytesToBase64Url(data) !== dataText) return undefined;
  return { keyId, iv, data };
}

const aad = (keyId: string) => new TextEncoder().encode(`${SEALED_FORMAT_VERSION}.${keyId}`);

/**
 * A keyring that seals secrets (technical users' API keys) with AES-256-GCM
 * under the current key and opens values sealed under any of its keys. Uses
 * WebCrypto only. A value is opened only by an explicit `open()` call; a
 * tampered value, or one sealed under a key this keyring lacks, throws
 * `pcx_keyring` and never returns garbage. Options are checked here and throw
 * `pcx_keyring` naming the field.
 */
export function createKeyring(options: KeyringOptions): Keyring {
  const entries = options?.keys;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw keyringError(
      "keys must list at least one { id, key }",
      "Generate a key with generateKeyringKey() and give it an id, e.g. { id: 'k1', key }.",
    );
  }
  const raw = new Map<string, Uint8Array>();
  entries.forEach((entry, index) => {
    if (typeof entry?.id !== "string" || !KEYRING_KEY_ID_PATTERN.test(entry.id)) {
      throw keyringError(`keys[${index}].id must be 1-32 characters of A-Z, a-z, 0-9, "_" or "-"`);
    }
    if (raw.has(entry.id)) {
      throw keyringError(`keys[${index}].id "${entry.id}" appears twice; key ids must be unique`);
    }
    raw.set(entry.id, keyBytes(entry, index));
  });
  const keyIds = [...raw.keys()];
  const currentKeyId = options.current ?? (keyIds[keyIds.length - 1] as string);
  if (!raw.has(currentKeyId)) {
    throw keyringError(
      `current names key id "${currentKeyId}", which is not in keys`,
      `Use one of: ${keyIds.join(", ")}.`,
    );
  }
  const imported = new Map<string, Promise<CryptoKey>>();
  const cryptoKey = (keyId: string): Promise<CryptoKey> => {
    let found = imported.get(keyId);
    if (!found) {
      const bytes = raw.get(keyId) as Uint8Array;
      found = subtle().importKey("raw", new Uint8Array(bytes), "AES-GCM", false, [
        "encrypt",
        "decrypt",
      ]);
      imported.set(keyId, found);
    }
    return found;
  };
  const keyIdOf = (sealed: string): string => {
    const parsed = parseSealed(sealed);
    if (!parsed) {
      throw keyringError(
        `the value is not a sealed secret (expected ${SEALED_FORMAT_VERSION}.<keyId>.<iv>.<data>)`,
        "Pass the stored sealedApiKey exactly as the store returned it.",
      );
    }
    return parsed.keyId;
  };

  return {
    currentKeyId,
    keyIds,
    keyIdOf,
    needsRotation: (sealed) => keyIdOf(sealed) !== currentKeyId,
    async seal(plaintext) {
      if (typeof plaintext !== "string") throw keyringError("seal() takes a string");
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const data = await subtle().encrypt(
        { name: "AES-GCM", iv, additionalData: aad(currentKeyId), tagLength: TAG_BYTES * 8 },
        await cryptoKey(currentKeyId),
        new TextEncoder().encode(plaintext),
      );
      return [
        SEALED_FORMAT_VERSION,
        currentKeyId,
        bytesToBase64Url(iv),
        bytesToBase64Url(new Uint8Array(data)),
      ].join(".");
    },
    async open(sealed) {
      const parsed = parseSealed(sealed);
      if (!parsed) keyIdOf(sealed as string);
      const { keyId, iv, data } = parsed as NonNullable<typeof parsed>;
      if (!raw.has(keyId)) {
        throw keyringError(
          `the value was sealed under key id "${keyId}", which this keyring does not hold`,
          `Add that key to the keyring's keys (it holds: ${keyIds.join(", ")}).`,
        );
      }
      let plain: ArrayBuffer;
      try {
        plain = await subtle().decrypt(
          { name: "AES-GCM", iv: new Uint8Array(iv), additionalData: aad(keyId), tagLength: 128 },
          await cryptoKey(keyId),
          new Uint8Array(data),
        );
      } catch (error) {
        throw keyringError(
          `the value sealed under key id "${keyId}" failed authentication: it was altered, or key "${keyId}" is not the key that sealed it`,
          "Restore the stored value, or configure the key that sealed it under this id.",
          error,
        );
      }
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(plain);
      } catch (error) {
        throw keyringError("the opened value is not UTF-8 text", undefined, error);
      }
    },
  };
}

/** 32 random bytes for a keyring key, as standard base64 (WebCrypto's random source). */
export function generateKeyringKey(): string {
  return bytesToBase64(globalThis.crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
}
