import type { RetryOptions } from "./client-options.js";

/** Statuses worth another attempt: rate limited, and transient server or gateway failures. */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE.has(status);
}

/**
 * Full-jitter exponential backoff (AWS architecture blog, "Exponential Backoff
 * And Jitter"): a uniformly random wait in [0, min(maxDelayMs, baseDelayMs × 2^(attempt−1))).
 * `attempt` is the number of the attempt that just failed, from 1.
 */
export function backoffDelay(
  attempt: number,
  policy: Required<RetryOptions>,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** IMF-fixdate, RFC 850 and asctime: the three HTTP-date forms (RFC 9110 §5.6.7). */
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/**
 * A `Retry-After` header in milliseconds from `nowMs`: delta-seconds ("3",
 * "0.5") or an HTTP-date. Undefined when absent, negative ("-1") or not one of
 * those forms, so the caller falls back to its computed backoff; a date in the
 * past is 0.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const ms = Math.ceil(Number(text) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (!HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
