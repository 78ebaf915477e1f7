import { PcxError } from "../errors/index.js";
import { parseDuration } from "./parse-duration.js";
import {
  KEY_ID_PATTERN,
  MAX_STATE_LENGTH,
  MIN_SECRET_BYTES,
  RESERVED_FIELDS,
  STATE_VERSION,
  type StatePayload,
  type StateSecret,
  secretBytes,
  stateSignature,
} from "./state-format.js";

export interface SignStateOptions {
  /** The HMAC-SHA256 key: at least 32 bytes (e.g. `openssl rand -base64 32`). Required. */
  secret: StateSecret;
  /** Names the secret, so verifiers can hold several while keys rotate. 1–32 of `A–Za–z0–9_-`. Required. */
  keyId: string;
  /** Lifetime: seconds as a number, or a duration such as "30m", "12h", "7d". Default: "7d". Ignored when `expiresAt` is set. */
  expiresIn?: number | string;
  /** Absolute expiry; wins over `expiresIn`. Default: now + `expiresIn`. */
  expiresAt?: Date;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
}

function usage(message: string, hint?: string): PcxError {
  return new PcxError("pcx_usage", message, hint ? { hint } : {});
}

/**
 * Signs the integrator's reference (and a few small fields) into an opaque,
 * URL-safe, expiring `state` for the activation link:
 * `v1.<keyId>.<base64url payload>.<base64url HMAC-SHA256>`. The payload is
 * signed, not encrypted: anyone holding the link can read it, so put a
 * reference in it, never a secret or personal data. Check it with `verifyState()`.
 */
export function signState(payload: StatePayload, options: SignStateOptions): string {
  if (typeof payload?.ref !== "string" || payload.ref === "") {
    throw usage("state payload needs a non-empty string `ref`");
  }
  for (const field of RESERVED_FIELDS) {
    if (field in payload) throw usage(`state payload must not set "${field}"; signState sets it`);
  }
  for (const [field, value] of Object.entries(payload)) {
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) {
      throw usage(`state payload field "${field}" must be a string, number, boolean or null`);
    }
  }
  if (!KEY_ID_PATTERN.test(options.keyId ?? "")) {
    throw usage(`keyId must be 1-32 characters of A-Z, a-z, 0-9, "_" or "-"`);
  }
  if (!options.secret || secretBytes(options.secret).byteLength < MIN_SECRET_BYTES) {
    throw usage(
      `the state secret must be at least ${MIN_SECRET_BYTES} bytes`,
      "Generate one with `openssl rand -base64 32`.",
    );
  }
  const nowMs = (options.now ?? (() => new Date()))().getTime();
  let expiresAtMs: number;
  if (options.expiresAt) expiresAtMs = options.expiresAt.getTime();
  else {
    const lifetime = options.expiresIn ?? "7d";
    expiresAtMs =
      nowMs + (typeof lifetime === "number" ? lifetime * 1000 : parseDuration(lifetime));
  }
  if (!Number.isFinite(expiresAtMs) || expiresAtMs <= nowMs) {
    throw usage("the state must expire in the future; check expiresIn / expiresAt");
  }
  const body = {
    ...payload,
    iat: Math.floor(nowMs / 1000),
    exp: Math.floor(expiresAtMs / 1000),
  };
  const encoded = Buffer.from(JSON.stringify(body)).toString("base64url");
  const signature = stateSignature(options.secret, options.keyId, encoded).toString("base64url");
  const token = `${STATE_VERSION}.${options.keyId}.${encoded}.${signature}`;
  if (token.length > MAX_STATE_LENGTH) {
    throw usage(
      `the state is ${token.length} characters, more than ${MAX_STATE_LENGTH}`,
      "Keep the payload to a short reference; look the rest up by it.",
    );
  }
  return token;
}
