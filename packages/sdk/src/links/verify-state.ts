import { MAX_STATE_LENGTH } from "../contract/max-state-length.js";
import { decodeBase64url } from "./base64url.js";
import {
  checkIntegrationId,
  configError,
  hmacKey,
  KEY_ID_PATTERN,
  MAX_CLOCK_TOLERANCE_SEC,
  MAX_STATE_LIFETIME_SEC,
  NONCE_BYTES,
  nowMs,
  STATE_VERSION,
  type StatePayload,
  type StateSecret,
  secretBytes,
  signedBytes,
  subtleCrypto,
} from "./state-format.js";

/** Why a state was refused. */
export type StateFailureReason =
  | "malformed"
  | "bad_signature"
  | "expired"
  | "unknown_key"
  | "wrong_integration"
  | "unsupported_version";

/** What `verifyState` answers: the state's fields when `ok`, else why it was refused. */
export type VerifyStateResult =
  | {
      ok: true;
      /** The fields passed to `signState` (without `iid`, `nonce`, `iat`, `exp`). */
      payload: StatePayload;
      keyId: string;
      /** The integration the state was made for (always the one asked for). */
      integrationId: number;
      /** The state's random nonce: record it when the callback uses the state, so it works once. */
      nonce: string;
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

/** The options of `verifyState`; a wrong one throws `pcx_config`. */
export interface VerifyStateOptions {
  /**
   * The verification secrets by key id: `{ "2025-06": "…", "2025-01": "…" }` or
   * `[{ keyId, secret }]`, each at least 32 bytes. Keep the previous key here
   * while links signed with it may still be in use, then drop it. Required.
   */
  secrets: Record<string, StateSecret> | ReadonlyArray<{ keyId: string; secret: StateSecret }>;
  /** The integration whose callback this is; a state made for another is refused. Required. */
  integrationId: number;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
  /** Seconds of clock skew accepted past `exp`, 0 to 3600. Default: 60. */
  clockToleranceSec?: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** An HMAC-SHA-256 in base64url without padding. */
const SIGNATURE_LENGTH = 43;
const NONCE_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((NONCE_BYTES * 4) / 3)},64}$`);

function fail(reason: StateFailureReason, message: string, expiredAt?: Date): VerifyStateResult {
  return { ok: false, reason, message, ...(expiredAt ? { expiredAt } : {}) };
}

/** The secrets by key id, every one checked; throws `pcx_config` on the first bad one. */
function keyring(secrets: unknown): Map<string, Uint8Array<ArrayBuffer>> {
  const entries: [unknown, unknown][] = Array.isArray(secrets)
    ? secrets.map((entry: unknown) => {
        const { keyId, secret } = (entry ?? {}) as { keyId?: unknown; secret?: unknown };
        return [keyId, secret];
      })
    : typeof secrets === "object" && secrets !== null
      ? Object.entries(secrets)
      : [];
  if (entries.length === 0) {
    throw configError(
      "verifyState: options.secrets holds no key; pass { [keyId]: secret } with the secret signState used",
    );
  }
  const ring = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const [keyId, secret] of entries) {
    if (typeof keyId !== "string" || !KEY_ID_PATTERN.test(keyId)) {
      throw configError(
        `verifyState: options.secrets has a key id that is not 1-32 characters of A-Z, a-z, 0-9, "_" or "-"`,
      );
    }
    ring.set(keyId, secretBytes(secret, `verifyState: options.secrets["${keyId}"]`));
  }
  return ring;
}

function toleranceMs(value: unknown): number {
  if (value === undefined) return 60_000;
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > MAX_CLOCK_TOLERANCE_SEC
  ) {
    throw configError(
      `verifyState: options.clockToleranceSec must be a number of seconds from 0 to ${MAX_CLOCK_TOLERANCE_SEC}; got ${String(value)}`,
    );
  }
  return value * 1000;
}

/**
 * Checks a `state` made by `signState()`, in this order: format and version,
 * key id, HMAC-SHA-256 (WebCrypto's constant-time verify, on the canonical
 * encoding only), integration, then expiry. Never throws on any token: the
 * answer names the failure. Throws `pcx_config` when the options themselves
 * are wrong (no or short secrets, a bad integration id, a tolerance that is
 * not 0–3600 s), so a misconfiguration can never answer `ok`.
 *
 * A valid state can be presented more than once; a callback handler that
 * must accept each link once records `nonce` in its store.
 */
export async function verifyState(
  token: unknown,
  options: VerifyStateOptions,
): Promise<VerifyStateResult> {
  if (typeof options !== "object" || options === null) {
    throw configError("verifyState: options { secrets, integrationId } are required");
  }
  const ring = keyring(options.secrets);
  const integrationId = checkIntegrationId(options.integrationId, "verifyState");
  const tolerance = toleranceMs(options.clockToleranceSec);
  const now = nowMs(options.now, "verifyState");
  const subtle = subtleCrypto("verifyState");

  if (typeof token !== "string" || token.length === 0 || token.length > MAX_STATE_LENGTH) {
    return fail("malformed", "state is missing, empty or too long");
  }
  const parts = token.split(".");
  const [version, keyId, payload, signature] = parts;
  if (parts.length === 4 && version !== STATE_VERSION && /^v\d{1,3}$/.test(version ?? "")) {
    return fail(
      "unsupported_version",
      `state is a pcx ${version} token; only ${STATE_VERSION} is accepted. Issue a new link (signState makes ${STATE_VERSION}).`,
    );
  }
  if (
    parts.length !== 4 ||
    version !== STATE_VERSION ||
    !keyId ||
    !KEY_ID_PATTERN.test(keyId) ||
    !payload ||
    !BASE64URL.test(payload) ||
    !signature ||
    signature.length !== SIGNATURE_LENGTH
  ) {
    return fail("malformed", `state is not a pcx ${STATE_VERSION} state token`);
  }
  const secret = ring.get(keyId);
  if (!secret) return fail("unknown_key", `state was signed with unknown key id "${keyId}"`);

  // Canonical base64url only: the last character's 2 spare bits must be 0,
  // so a signature has one spelling and cannot be varied.
  const mac = decodeBase64url(signature);
  const key = await hmacKey(subtle, secret, "verify");
  if (!mac || !(await subtle.verify("HMAC", key, mac, signedBytes(keyId, payload)))) {
    return fail("bad_signature", "state signature does not match; it was altered or forged");
  }

  // Only now, authenticated, is the payload parsed.
  let body: unknown;
  try {
    const bytes = decodeBase64url(payload);
    body = bytes ? JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) : undefined;
  } catch {
    body = undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return fail("malformed", "state payload is not a JSON object");
  }
  const { iid, nonce, iat, exp, ...fields } = body as Record<string, unknown>;
  if (
    typeof fields.ref !== "string" ||
    typeof nonce !== "string" ||
    !NONCE_PATTERN.test(nonce) ||
    typeof iid !== "number" ||
    typeof iat !== "number" ||
    typeof exp !== "number" ||
    !Number.isFinite(iat) ||
    !Number.isFinite(exp) ||
    exp - iat > MAX_STATE_LIFETIME_SEC
  ) {
    return fail("malformed", "state payload lacks ref, iid, nonce, iat or exp");
  }
  if (iid !== integrationId) {
    return fail(
      "wrong_integration",
      `state was made for integration ${iid}, not for integration ${integrationId}`,
    );
  }
  const expiresAt = new Date(exp * 1000);
  if (now > expiresAt.getTime() + tolerance) {
    return fail("expired", `state expired at ${expiresAt.toISOString()}`, expiresAt);
  }
  return {
    ok: true,
    payload: fields as StatePayload,
    keyId,
    integrationId,
    nonce,
    issuedAt: new Date(iat * 1000),
    expiresAt,
  };
}
