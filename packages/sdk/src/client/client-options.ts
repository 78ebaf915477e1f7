import type { Transport } from "./transport.js";

/** Procountor production API base. */
export const PRODUCTION_BASE_URL = "https://api.procountor.com/api";
/** Procountor's Public Testing Server (PTS). */
export const PTS_BASE_URL = "https://pts-api.procountor.com/api";
/** The local pcx sandbox (`pcx sandbox`) on its default port. */
export const SANDBOX_BASE_URL = "http://127.0.0.1:4010/api";

/** M2M credentials: the API client's id and secret plus the technical user's API key. */
export interface ClientCredentials {
  /** The API client's id (not a secret; may appear in messages). */
  clientId: string;
  /** The API client's secret. Never logged or printed. */
  clientSecret: string;
  /** The API key bound to user + company + client. Never logged or printed. */
  apiKey: string;
}

/** A debug hook; the SDK never prints. Every `data` passed here is redacted. */
export interface ClientLogger {
  debug(message: string, data?: Record<string, unknown>): void;
}

/** Retry policy: exponential backoff with full jitter, see docs/client.md. */
export interface RetryOptions {
  /** Attempts per logical call, the first included (1 disables retries). Default: 4. */
  maxAttempts?: number;
  /** Stop retrying once this much time has passed since the first attempt (waits included). Default: 30_000. */
  maxElapsedMs?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs × 2^(n−1))). Default: 250. */
  baseDelayMs?: number;
  /** Cap of one backoff wait (a longer `Retry-After` is still honoured within `maxElapsedMs`). Default: 8_000. */
  maxDelayMs?: number;
}

/**
 * Client-side rate limit; Procountor allows 20–60 requests/s per client. It
 * decides on real start times: at most ⌊requestsPerSecond⌋ starts in any
 * sliding one-second window, even after the event loop stalled.
 */
export interface RateLimitOptions {
  /** Sustained rate, requests per second, every attempt and token request included. Default: 20. */
  requestsPerSecond?: number;
  /**
   * Requests that may start back to back after an idle period (at most
   * ⌊requestsPerSecond⌋). Default: 1: consecutive starts at least
   * 1000 / requestsPerSecond ms apart.
   */
  burst?: number;
}

export interface ClientOptions {
  /** API base URL, without a trailing slash. Default: `PRODUCTION_BASE_URL` (https://api.procountor.com/api). */
  baseUrl?: string;
  /** M2M credentials. Required for every call (all routes need a token). */
  credentials: ClientCredentials;
  /**
   * How requests reach the network. Default: `undiciTransport()` on Node (undici's
   * own `request` on a keep-alive Agent, loaded on the first request), `fetchTransport()`
   * on other runtimes. Pass `fetchTransport()` on edge runtimes and in nock tests.
   */
  transport?: Transport;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
  /** Debug hook for requests, retries and token refreshes (redacted). Default: none. */
  logger?: ClientLogger;
  /** Retry policy. Default: `{ maxAttempts: 4, maxElapsedMs: 30_000, baseDelayMs: 250, maxDelayMs: 8_000 }`. */
  retry?: RetryOptions;
  /** Client-side rate limiter; `false` turns it off (benchmarks, a server-side limiter). Default: `{ requestsPerSecond: 20, burst: 1 }`. */
  rateLimit?: RateLimitOptions | false;
  /** Per-attempt timeout covering headers and body. Default: 30_000. */
  timeoutMs?: number;
  /** Random numbers in [0, 1) for backoff jitter; tests pass a seeded one. Default: `Math.random`. */
  random?: () => number;
  /** Waits `ms` (backoff, Retry-After, rate limiter); tests pass a fake. Default: a `setTimeout` promise that an abort signal cancels. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Sent as `User-Agent` where the runtime allows it. Default: `"pcx-sdk"`. */
  userAgent?: string;
  /**
   * Looks up the API key of an environment's technical user, for
   * `client.forEnvironment(companyId)` without `options.apiKey`; asked again at
   * every token exchange of that environment, so a rotated key is picked up.
   * A store-backed provider opens the sealed key kept at approval. Default: none.
   */
  technicalUserKey?: (companyId: number) => Promise<string>;
}

/** Options of `client.forEnvironment(companyId, options)`. */
export interface EnvironmentClientOptions {
  /** The technical user's API key for this environment. Default: asked from the client option `technicalUserKey`. */
  apiKey?: string;
  /** This environment's own rate limiter. Default: the parent client's `rateLimit`. */
  rateLimit?: RateLimitOptions | false;
}

/** Per-call options accepted by every client method. */
export interface CallOptions {
  /** Cancels the call, including waits between retries. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for each attempt of this call. */
  timeoutMs?: number;
}

/** Per-call options of mutating methods. */
export interface MutationOptions extends CallOptions {
  /**
   * The `Idempotency-Key`, the same on every retry of this call. Default: a
   * random UUID per call (decisions on activation requests derive theirs, see
   * `decisionIdempotencyKey`). Pass your own to make a call safe to repeat
   * across process restarts.
   */
  idempotencyKey?: string;
}

export const RETRY_DEFAULTS: Required<RetryOptions> = {
  maxAttempts: 4,
  maxElapsedMs: 30_000,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
};

/** The default `sleep`: resolves after `ms`, rejects with the signal's reason on abort. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
