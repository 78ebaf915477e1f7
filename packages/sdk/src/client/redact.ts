/**
 * Secret redaction for every error message, error detail and debug line the
 * SDK produces. Two layers: by key (any field or header whose name says it
 * holds a secret) and by pattern in free text (`Bearer …`, `client_secret=…`,
 * `"apiKey":"…"`, `user:password@` in URLs). The client adds a third: it
 * scrubs the values of the secrets it knows, in every encoded form and every
 * fragment of 8 characters or more (see `createRedactor`).
 */
import { createSecretScrubber, REDACTED, type SecretScrubber } from "./secret-scrubber.js";

export { REDACTED };

/** Field and header names whose values are always secret (compared case-insensitively, `-`/`_` ignored). */
const SECRET_KEYS = new Set([
  "authorization",
  "proxyauthorization",
  "cookie",
  "setcookie",
  "clientsecret",
  "secret",
  "apikey",
  "xapikey",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "token",
  "password",
  "privatekey",
]);

/** True when a field or header named `key` holds a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ""));
}

/** `scheme://user:password@` in text, up to the `@`. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi;

const TEXT_PATTERNS: Array<[RegExp, string]> = [
  // Authorization: Bearer xyz / Basic xyz
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  // form or query: client_secret=xyz&…
  [
    /\b(client_secret|api_key|apikey|access_token|refresh_token|password|secret)=[^&\s"']*/gi,
    `$1=${REDACTED}`,
  ],
  // JSON text: "apiKey":"xyz", also when the text was cut inside the value
  [
    /("(?:client_secret|clientSecret|api_key|apiKey|access_token|accessToken|refresh_token|refreshToken|password|secret|token|authorization)"\s*:\s*)"(?:[^"\\]|\\[\s\S]?)*(?:"|$)/gi,
    `$1"${REDACTED}"`,
  ],
  // URL userinfo: https://user:password@host
  [USERINFO, `$1${REDACTED}@`],
];

/** `url` (or any text) with the user name and password of every URL replaced by `[REDACTED]`. */
export function stripUserinfo(text: string): string {
  return text.replace(USERINFO, `$1${REDACTED}@`);
}

/** Strings longer than this are cut (after redaction) in the client's errors and debug lines. */
export const MAX_TEXT_LENGTH = 10_000;

function redactText(text: string, scrubber: SecretScrubber | undefined): string {
  let out = scrubber ? scrubber.scrub(text) : text;
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Redacts `text`, then keeps its first `max` characters: a cut never leaves part of a secret. */
function excerptText(text: string, max: number, scrubber: SecretScrubber | undefined): string {
  if (text.length <= max) return redactText(text, scrubber);
  // Redact a window reaching past the cut, so a secret across it is seen whole.
  const margin = Math.max(256, 2 * (scrubber?.longest ?? 0));
  const cut = redactText(text.slice(0, max + margin), scrubber).slice(0, max);
  return `${cut}… (${text.length - max} more characters)`;
}

function redactWith(
  value: unknown,
  scrubber: SecretScrubber | undefined,
  seen: WeakSet<object>,
  maxText: number,
): unknown {
  if (typeof value === "string") return excerptText(value, maxText, scrubber);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactWith(item, scrubber, seen, maxText));
  if (value instanceof Error) {
    return { name: value.name, message: excerptText(value.message, maxText, scrubber) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      isSecretKey(key) && item != null ? REDACTED : redactWith(item, scrubber, seen, maxText);
  }
  return out;
}

/**
 * A deep copy of `value` with secrets replaced by `[REDACTED]`: fields with a
 * secret-looking name (authorization, client_secret, apiKey, access_token, …),
 * bearer tokens and `key=value` / `"key":"value"` secrets inside strings.
 * Never mutates its input; safe on cycles.
 */
export function redact<T>(value: T): T {
  return redactWith(value, undefined, new WeakSet(), Number.POSITIVE_INFINITY) as T;
}

/** `redact()` for a header record: secret headers (Authorization, Cookie, X-Api-Key, …) become `[REDACTED]`. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return redact(headers);
}

/** A redactor that also scrubs the values of known secrets, wherever and however they appear. */
export interface Redactor {
  /**
   * Remembers a secret value under a slot name ("clientSecret", "apiKey",
   * "accessToken", …) and scrubs it from now on; setting a slot again replaces
   * its value, so a refreshed token does not grow the list.
   */
  set(slot: string, secret: string | undefined): void;
  /**
   * Like `redact()`, plus the remembered values in their raw, form-encoded,
   * percent-encoded and JSON-escaped forms and any fragment of 8 or more
   * characters of those; strings longer than 10,000 characters are cut after redaction.
   */
  redact<T>(value: T): T;
  /** The first `max` characters of `text`, redacted before the cut (never part of a secret). */
  excerpt(text: string, max: number): string;
  /**
   * A copy of an error safe to keep as a `cause`: name, code and message
   * redacted, the stack reduced to redacted frames, the cause chain likewise
   * (4 levels). Other values become a redacted string.
   */
  cause(error: unknown): unknown;
}

export function createRedactor(initial: Record<string, string | undefined> = {}): Redactor {
  const slots = new Map<string, string>();
  // Built on first use: a client that never fails and never logs never needs it.
  let built: SecretScrubber | undefined;
  let stale = true;
  const scrubberNow = (): SecretScrubber | undefined => {
    if (stale) {
      built = slots.size > 0 ? createSecretScrubber([...slots.values()]) : undefined;
      stale = false;
    }
    return built;
  };
  const set = (slot: string, secret: string | undefined): void => {
    if (slots.get(slot) === secret) return;
    if (secret) slots.set(slot, secret);
    else slots.delete(slot);
    stale = true;
    built = undefined;
  };
  for (const [slot, secret] of Object.entries(initial)) set(slot, secret);
  const redactValue = <T>(value: T): T =>
    redactWith(value, scrubberNow(), new WeakSet(), MAX_TEXT_LENGTH) as T;
  const cause = (error: unknown, depth = 0): unknown => {
    if (!(error instanceof Error)) {
      return error === undefined ? undefined : excerptText(String(error), 2000, scrubberNow());
    }
    const message = excerptText(error.message, 2000, scrubberNow());
    const copy = new Error(message);
    copy.name = error.name;
    const { code } = error as { code?: unknown };
    if (typeof code === "string" || typeof code === "number") {
      (copy as Error & { code?: unknown }).code = redactValue(code);
    }
    // The stack repeats the message; keep only its frames.
    const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
    copy.stack = [`${copy.name}: ${message}`, ...frames.map((line) => redactValue(line))].join(
      "\n",
    );
    if (error.cause !== undefined && depth < 4) copy.cause = cause(error.cause, depth + 1);
    return copy;
  };
  return {
    set,
    redact: redactValue,
    excerpt: (text, max) => excerptText(text, max, scrubberNow()),
    cause: (error) => cause(error),
  };
}
