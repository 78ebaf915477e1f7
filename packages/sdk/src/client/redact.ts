/**
 * Secret redaction for every error message, error detail and debug line the
 * SDK produces. Two layers: by key (any field or header whose name says it
 * holds a secret) and by pattern in free text (`Bearer …`, `client_secret=…`,
 * `"apiKey":"…"`). The client adds a third: it scrubs the exact values of the
 * secrets it knows (see `createRedactor`).
 */

export const REDACTED = "[REDACTED]";

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

const TEXT_PATTERNS: Array<[RegExp, string]> = [
  // Authorization: Bearer xyz / Basic xyz
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  // form or query: client_secret=xyz&…
  [
    /\b(client_secret|api_key|apikey|access_token|refresh_token|password|secret)=[^&\s"']*/gi,
    `$1=${REDACTED}`,
  ],
  // JSON text: "apiKey":"xyz"
  [
    /("(?:client_secret|clientSecret|api_key|apiKey|access_token|accessToken|refresh_token|refreshToken|password|secret|token|authorization)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    `$1"${REDACTED}"`,
  ],
];

function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Short values would blank out ordinary words; real secrets are long.
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

function redactWith(value: unknown, secrets: readonly string[], seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactWith(item, secrets, seen));
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message, secrets) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) && item != null ? REDACTED : redactWith(item, secrets, seen);
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
  return redactWith(value, [], new WeakSet()) as T;
}

/** `redact()` for a header record: secret headers (Authorization, Cookie, X-Api-Key, …) become `[REDACTED]`. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return redact(headers);
}

/** A redactor that also scrubs the exact values of known secrets, wherever they appear. */
export interface Redactor {
  /**
   * Remembers a secret value under a slot name ("clientSecret", "apiKey",
   * "accessToken", …) and scrubs it from now on; setting a slot again replaces
   * its value, so a refreshed token does not grow the list.
   */
  set(slot: string, secret: string | undefined): void;
  /** Like `redact()`, plus the remembered values. */
  redact<T>(value: T): T;
}

export function createRedactor(initial: Record<string, string | undefined> = {}): Redactor {
  const slots = new Map<string, string>();
  let list: string[] = [];
  const set = (slot: string, secret: string | undefined): void => {
    if (secret) slots.set(slot, secret);
    else slots.delete(slot);
    // Longest first, so a secret that contains another is scrubbed whole.
    list = [...new Set(slots.values())].sort((a, b) => b.length - a.length);
  };
  for (const [slot, secret] of Object.entries(initial)) set(slot, secret);
  return {
    set,
    redact<T>(value: T): T {
      return redactWith(value, list, new WeakSet()) as T;
    },
  };
}
