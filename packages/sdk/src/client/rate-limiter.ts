/** Admits requests at a steady rate; `acquire()` resolves when the caller may send. */
export interface RateLimiter {
  /** Waits for a slot. Callers are served in call order (FIFO), so none starves under concurrency. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RateLimiterOptions {
  /** Sustained rate. Default: 20. */
  requestsPerSecond?: number;
  /** Slots available at once after an idle period. Default: 1. */
  burst?: number;
  /** Clock in milliseconds. Default: `Date.now`. */
  now?: () => number;
  /** Waits `ms`. Default: a `setTimeout` promise. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * A token bucket in its "virtual scheduling" form (GCRA): each caller reserves
 * the next free slot synchronously when it calls `acquire()`, then sleeps until
 * that slot. Reservation order is call order, which makes it fair, and needs no
 * queue or timer of its own. With `burst` b, at most b + r·t requests start in
 * any window of t seconds.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const rate = options.requestsPerSecond ?? 20;
  const burst = Math.max(1, Math.floor(options.burst ?? 1));
  if (!(rate > 0)) throw new RangeError(`requestsPerSecond must be > 0, got ${rate}`);
  const interval = 1000 / rate;
  const tolerance = (burst - 1) * interval;
  const now = options.now ?? Date.now;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // Theoretical arrival time of the next request.
  let tat = Number.NEGATIVE_INFINITY;

  return {
    async acquire(signal?: AbortSignal): Promise<void> {
      const t = now();
      tat = Math.max(tat, t);
      const startAt = tat - tolerance;
      tat += interval;
      const wait = startAt - t;
      if (wait > 0) await sleep(wait, signal);
    },
  };
}
