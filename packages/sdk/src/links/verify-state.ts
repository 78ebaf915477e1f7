import { timingSafeEqual } from "node:crypto";
import {
  KEY_ID_PATTERN,
  MAX_STATE_LENGTH,
  STATE_VERSION,
  type StatePayload,
  type StateSecret,
  stateSignature,
} from "./state-format.js";

/** Why a state was refused. */
export type StateFailureReason = "malformed" | "bad_signature" | "expired" | "unknown_key";

export type VerifyStateResult =
  | {
      ok: true;
      /** The fields passed to `signState` (without `iat`/`exp`). */
      payload: StatePayload;
      keyId: string;
      issuedAt: Date;
      expiresAt: Date;
    }
  | {
      ok: false;
      reason: StateFailureReason;
      /** A sentence for logs; never contains the secret. */
      message: string;
      /** Set when `reason` is "expired". */
      expiredAt?: Date;
    };

export interface VerifyStateOptions {
  /**
   * The verification secrets by key id: `{ "2025-06": "…", "2025-01": "…" }` or
   * `[{ keyId, secret }]`. Keep the previous key here while links signed with
   * it may still be in use, then drop it. Required.
   */
  secrets: Record<string, StateSecret> | ReadonlyArray<{ keyId: string; secret: StateSecret }>;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
  /** Seconds of clock skew accepted past `exp`. Default: 60. */
  clockToleranceSec?: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** An HMAC-SHA256 in base64url without padding. */
const SIGNATURE_LENGTH = 43;

function fail(reason: StateFailureReason, message: string, expiredAt?: Date): VerifyStateResult {
  return { ok: false, reason, message, ...(expiredAt ? { expiredAt } : {}) };
}

function findSecret(
  secrets: VerifyStateOptions["secrets"],
  keyId: string,
): StateSecret | undefined {
  if (Array.isArray(secrets)) {
    return (secrets as ReadonlyArray<{ keyId: string; secret: StateSecret }>).find(
      (entry) => entry?.keyId === keyId,
    )?.secret;
  }
  const record = secrets as Record<string, StateSecret>;
  return Object.hasOwn(record, keyId) ? record[keyId] : undefined;
}

/**
 * Checks a `state` made by `signState()`: format, key id, HMAC (compared in
 * constant time), then expiry. Never throws on bad input: the answer names
 * the failure (`malformed`, `unknown_key`, `bad_signature`, `expired`).
 */
export function verifyState(token: unknown, options: VerifyStateOptions): VerifyStateResult {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_STATE_LENGTH) {
    return fail("malformed", "state is missing, empty or too long");
  }
  const parts = token.split(".");
  const [version, keyId, payload, signature] = parts;
  if (
    parts.length !== 4 ||
    version !== STATE_VERSION ||
    !keyId ||
    !KEY_ID_PATTERN.test(keyId) ||
    !payload ||
    !BASE64URL.test(payload) ||
    !signature ||
    !BASE64URL.test(signature)
  ) {
    return fail("malformed", "state is not a pcx v1 state token");
  }
  const secret = options?.secrets ? findSecret(options.secrets, keyId) : undefined;
  if (!secret) return fail("unknown_key", `state was signed with unknown key id "${keyId}"`);

  // Compare the canonical base64url text, not decoded bytes: the last character
  // of a 43-character base64url carries 2 unused bits, so decoding is not one-to-one.
  const expected = Buffer.from(stateSignature(secret, keyId, payload).toString("base64url"));
  const given = Buffer.from(signature);
  if (
    signature.length !== SIGNATURE_LENGTH ||
    given.length !== expected.length ||
    !timingSafeEqual(given, expected)
  ) {
    return fail("bad_signature", "state signature does not match; it was altered or forged");
  }

  // Only now, authenticated, is the payload parsed.
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return fail("malformed", "state payload is not JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return fail("malformed", "state payload is not an object");
  }
  const { iat, exp, ...fields } = body as Record<string, unknown>;
  if (
    typeof fields.ref !== "string" ||
    typeof iat !== "number" ||
    typeof exp !== "number" ||
    !Number.isFinite(iat) ||
    !Number.isFinite(exp)
  ) {
    return fail("malformed", "state payload lacks ref, iat or exp");
  }
  const nowMs = (options.now ?? (() => new Date()))().getTime();
  const tolerance = (options.clockToleranceSec ?? 60) * 1000;
  const expiresAt = new Date(exp * 1000);
  if (nowMs > expiresAt.getTime() + tolerance) {
    return fail("expired", `state expired at ${expiresAt.toISOString()}`, expiresAt);
  }
  return {
    ok: true,
    payload: fields as StatePayload,
    keyId,
    issuedAt: new Date(iat * 1000),
    expiresAt,
  };
}
