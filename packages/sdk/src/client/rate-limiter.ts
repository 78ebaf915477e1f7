import { PcxError } from "../errors/index.js";

/** Admits requests at a steady rate; `acquire()` resolves when the caller may send. */
export interface RateLimiter {
  /**
   * Waits until the caller may start, then records the start. Callers are
   * served in call order (FIFO), so none starves under concurrency. An abort
   * through `signal` leaves the queue and rejects with the signal's reason.
   */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RateLimiterOptions {
  /** Sustained rate, starts per second (> 0). Default: 20. */
  requestsPerSecond?: number;
  /**
   * Starts allowed back to back after an idle period, never more than the
   * one-second cap (⌊requestsPerSecond⌋, at least 1). Default: 1.
   */
  burst?: number;
  /** Clock in milliseconds. Default: `performance.now()` (monotonic). */
  now?: () => number;
  /** Waits `ms`. Default: a `setTimeout` promise. */
  sleep?: (ms: number) => Promise<void>;
  /** Called with the clock reading of every start, as it is recorded (metrics, tests). Default: none. */
  onStart?: (atMs: number) => void;
}

type Waiter = {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
};

const defaultNow = (): number => performance.now();
const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A rate limiter that decides on real start times, read from the clock at the
 * moment it lets a caller go, never on times reserved in advance. Two rules
 * hold at every start, whatever the event loop did in between (a stall only
 * delays starts, it never lets queued callers through together):
 *
 * - **one-second cap**: at most N = ⌊requestsPerSecond⌋ (at least 1) starts in
 *   any sliding one-second window, checked against the last N start times;
 * - **spacing**: a token bucket (GCRA) over the real start times; with `burst`
 *   b, up to b callers start back to back after an idle period, then starts
 *   are at least 1000 / requestsPerSecond ms apart. With the default b = 1,
 *   every two consecutive starts are at least that far apart.
 *
 * Waiting callers form one FIFO queue served by a single timer: the head waits
 * until both rules allow it, the clock is read again, and only then does it go.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const rate = options.requestsPerSecond ?? 20;
  if (!(typeof rate === "number" && Number.isFinite(rate) && rate > 0)) {
    throw new PcxError(
      "pcx_config",
      `rateLimit.requestsPerSecond must be a number above 0, got ${String(rate)}`,
      { hint: "Use e.g. { requestsPerSecond: 20 }, or rateLimit: false to turn the limiter off." },
    );
  }
  const cap = Math.max(1, Math.floor(rate));
  const burst = Math.min(cap, Math.max(1, Math.floor(options.burst ?? 1)));
  const interval = 1000 / rate;
  const tolerance = (burst - 1) * interval;
  const now = options.now ?? defaultNow;
  const sleep = options.sleep ?? defaultSleep;

  // The last `cap` start times, oldest first (a ring buffer).
  const starts = new Array<number>(cap).fill(Number.NEGATIVE_INFINITY);
  let oldest = 0;
  // Theoretical arrival time of the next start (GCRA), from real start times.
  let tat = Number.NEGATIVE_INFINITY;
  const queue: Waiter[] = [];
  let pumping = false;

  /** How long the next caller must still wait at time `t` (0: it may start). */
  const waitAt = (t: number): number =>
    Math.max(0, tat - tolerance - t, (starts[oldest] as number) + 1000 - t);

  const { onStart } = options;
  const start = (t: number): void => {
    tat = Math.max(tat, t) + interval;
    starts[oldest] = t;
    oldest = (oldest + 1) % cap;
    onStart?.(t);
  };

  const release = (waiter: Waiter): void => {
    if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
    waiter.resolve();
  };

  const pump = async (): Promise<void> => {
    pumping = true;
    try {
      while (queue.length > 0) {
        const wait = waitAt(now());
        if (wait > 0) {
          // At least 1 ms: timers may fire a fraction early against the clock.
          await sleep(Math.max(1, Math.ceil(wait)));
          continue;
        }
        const waiter = queue.shift() as Waiter;
        start(now());
        release(waiter);
      }
    } finally {
      pumping = false;
    }
  };

  return {
    acquire(signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (queue.length === 0 && !pumping) {
        const t = now();
        if (waitAt(t) === 0) {
          start(t);
          return Promise.resolve();
        }
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
        if (signal) {
          waiter.onAbort = () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            reject(signal.reason);
          };
          signal.addEventListener("abort", waiter.onAbort, { once: true });
        }
        queue.push(waiter);
        if (!pumping) void pump();
      });
    },
  };
}
