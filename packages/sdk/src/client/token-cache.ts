import type { TokenResponse } from "../contract/index.js";

/** Holds the M2M access token: cached, refreshed before expiry, fetched once for concurrent callers. */
export interface TokenCache {
  /** A valid access token, from the cache or from one shared token request. */
  get(signal?: AbortSignal): Promise<string>;
  /** Drops `token` if it is still the cached one (after the API refused it with 401). */
  invalidate(token: string): void;
}

export interface TokenCacheOptions {
  /** Performs the token exchange (`POST /oauth/token`, retried by the caller's policy). */
  fetchToken: () => Promise<TokenResponse>;
  /** Clock in milliseconds. */
  now: () => number;
  /** Called with each new token and its lifetime, for redaction and debug logging. */
  onToken?: (token: string, expiresInSec: number) => void;
}

/**
 * Refresh margin before expiry: 10% of the token's lifetime, at most 60 s. A
 * Procountor token lives 3600 s, so it is replaced after 3540 s; a short-lived
 * sandbox token of 30 s after 27 s.
 */
export function refreshMarginMs(expiresInSec: number): number {
  return Math.min(60_000, expiresInSec * 100);
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

export function createTokenCache(options: TokenCacheOptions): TokenCache {
  let cached: { token: string; refreshAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  const refresh = (): Promise<string> => {
    // Lifetime counts from when we asked, not when the answer arrived: conservative.
    const askedAt = options.now();
    inflight ??= options
      .fetchToken()
      .then((answer) => {
        cached = {
          token: answer.access_token,
          refreshAt: askedAt + answer.expires_in * 1000 - refreshMarginMs(answer.expires_in),
        };
        options.onToken?.(answer.access_token, answer.expires_in);
        return answer.access_token;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };

  return {
    get(signal?: AbortSignal): Promise<string> {
      if (cached && options.now() < cached.refreshAt) return Promise.resolve(cached.token);
      // One caller's abort must not fail the shared request for the others.
      return raceAbort(refresh(), signal);
    },
    invalidate(token: string): void {
      if (cached?.token === token) cached = undefined;
    },
  };
}
