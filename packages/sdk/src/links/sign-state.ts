import { MAX_STATE_LENGTH } from "../contract/max-state-length.js";
import { PcxError } from "../errors/pcx-error.js";
import { encodeBase64url } from "./base64url.js";
import { parseDuration } from "./parse-duration.js";
import {
  checkIntegrationId,
  configError,
  dateMs,
  hmacKey,
  KEY_ID_PATTERN,
  MAX_STATE_LIFETIME_SEC,
  NONCE_BYTES,
  nowMs,
  RESERVED_FIELDS,
  STATE_VERSION,
  type StatePayload,
  type StateSecret,
  secretBytes,
  signedBytes,
  subtleCrypto,
} from "./state-format.js";

/** The options of `signState`; a wrong one throws `pcx_config`. */
export interface SignStateOptions {
  /** The HMAC-SHA-256 key: a string or bytes of at least 32 bytes (e.g. `openssl rand -base64 32`). Required. */
  secret: StateSecret;
  /** Names the secret, so verifiers can hold several while keys rotate. 1–32 of `A–Za–z0–9_-`. Required. */
  keyId: string;
  /** The id of the integration the link is for; `verifyState` refuses the state for any other. Required. */
  integrationId: number;
  /**
   * Lifetime: seconds as a number, or a duration such as "30m", "12h", "7d";
   * at most 90 days (`MAX_STATE_LIFETIME_SEC`). Default: "7d". Ignored when `expiresAt` is set.
   */
  expiresIn?: number | string;
  /** Absolute expiry, at most 90 days ahead; wins over `expiresIn`. Default: now + `expiresIn`. */
  expiresAt?: Date;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
}

function usage(message: string, hint?: string): PcxError<"pcx_usage"> {
  return new PcxError("pcx_usage", message, hint ? { hint } : {});
}

function checkPayload(payload: StatePayload): void {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw usage("signState: the payload must be an object such as { ref: 'cust-42' }");
  }
  if (typeof payload.ref !== "string" || payload.ref === "") {
    throw usage("signState: the payload needs a non-empty string `ref`");
  }
  for (const field of RESERVED_FIELDS) {
    if (Object.hasOwn(payload, field)) {
      throw usage(`signState: the payload must not set "${field}"; signState sets it`);
    }
  }
  for (const [field, value] of Object.entries(payload)) {
    const scalar =
      value === null ||
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value));
    if (!scalar) {
      throw usage(
        `signState: payload field "${field}" must be a string, a finite number, a boolean or null`,
      );
    }
  }
}

/** Expiry in ms; throws `pcx_config` unless it is after `now` and within the maximum lifetime. */
function expiryMs(options: SignStateOptions, now: number): number {
  let expires: number;
  if (options.expiresAt !== undefined) {
    expires = dateMs(options.expiresAt);
  } else {
    const lifetime = options.expiresIn ?? "7d";
    if (typeof lifetime === "number") expires = now + lifetime * 1000;
    else {
      try {
        expires = now + parseDuration(lifetime);
      } catch {
        throw configError(
          `signState: options.expiresIn "${String(lifetime)}" is not a duration`,
          'Use seconds or a duration such as "30m", "12h" or "7d".',
        );
      }
    }
  }
  if (!Number.isFinite(expires) || expires <= now) {
    throw configError(
      "signState: the state must expire in the future; check options.expiresIn / options.expiresAt",
    );
  }
  if (expires - now > MAX_STATE_LIFETIME_SEC * 1000) {
    throw configError(
      `signState: a state may live at most ${MAX_STATE_LIFETIME_SEC / 86_400} days; options.expiresIn / options.expiresAt asks for more`,
      "Issue a fresh link when the customer needs one later.",
    );
  }
  return expires;
}

/**
 * Signs the integrator's reference (and a few small fields) into an opaque,
 * URL-safe, expiring `state` for the activation link, bound to one
 * integration and carrying a random nonce:
 * `v2.<keyId>.<base64url payload>.<base64url HMAC-SHA-256>`. Uses WebCrypto
 * only, so it runs on Node 20+, Deno, Bun and Workers.
 *
 * The payload is signed, not encrypted: anyone holding the link can read it,
 * so put a reference in it, never a secret or personal data. Check it with
 * `verifyState()`; record `nonce` when the callback uses the state, so it
 * works once. Throws `pcx_config` for a misconfiguration (short or missing
 * secret, bad key id or integration id, lifetime out of range) and
 * `pcx_usage` for a payload it cannot sign.
 */
export async function signState(payload: StatePayload, options: SignStateOptions): Promise<string> {
  if (typeof options !== "object" || options === null) {
    throw configError("signState: options { secret, keyId, integrationId } are required");
  }
  const secret = secretBytes(options.secret, "signState: options.secret");
  if (typeof options.keyId !== "string" || !KEY_ID_PATTERN.test(options.keyId)) {
    throw configError(
      `signState: options.keyId must be 1-32 characters of A-Z, a-z, 0-9, "_" or "-"`,
    );
  }
  const integrationId = checkIntegrationId(options.integrationId, "signState");
  const now = nowMs(options.now, "signState");
  const expires = expiryMs(options, now);
  checkPayload(payload);
  const subtle = subtleCrypto("signState");

  const nonce = encodeBase64url(globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES)));
  const body = {
    ...payload,
    iid: integrationId,
    nonce,
    iat: Math.floor(now / 1000),
    exp: Math.floor(expires / 1000),
  };
  const encoded = encodeBase64url(new TextEncoder().encode(JSON.stringify(body)));
  const key = await hmacKey(subtle, secret, "sign");
  const mac = await subtle.sign("HMAC", key, signedBytes(options.keyId, encoded));
  const token = `${STATE_VERSION}.${options.keyId}.${encoded}.${encodeBase64url(new Uint8Array(mac))}`;
  if (token.length > MAX_STATE_LENGTH) {
    throw usage(
      `signState: the state is ${token.length} characters, more than ${MAX_STATE_LENGTH}`,
      "Keep the payload to a short reference; look the rest up by it.",
    );
  }
  return token;
}
