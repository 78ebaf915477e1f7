import { fakeTime, integration, ORIGIN, TOKEN_REPLY, testClient } from "@pcx/testkit";
import { nockOnly } from "@pcx/testkit/nock";
import fc from "fast-check";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { fetchTransport } from "./fetch-transport.js";
import { createRateLimiter, type RateLimiterOptions } from "./rate-limiter.js";

/** The most starts in any half-open window [s, s + 1000) that begins at a start. */
function busiestSecond(starts: number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  let end = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (end < sorted.length && (sorted[end] as number) < (sorted[i] as number) + 1000) end++;
    most = Math.max(most, end - i);
  }
  return most;
}

/** Blocks the event loop for `ms` of real time, as a long synchronous job would. */
function stallEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy-wait
  }
}

/** A limiter on a virtual clock, `time`, which records every sleep the limiter takes. */
function limiterOnFakeClock(options: Omit<RateLimiterOptions, "now" | "sleep">) {
  const time = fakeTime();
  return { time, limiter: createRateLimiter({ ...options, now: time.nowMs, sleep: time.sleep }) };
}

describe("createRateLimiter", () => {
  it("spaces requests 1/rate apart by their real start times, in call order", async () => {
    const { time, limiter } = limiterOnFakeClock({ requestsPerSecond: 20 });
    const start = time.nowMs();
    const order: number[] = [];
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        limiter.acquire().then(() => {
          order.push(i);
          starts.push(time.nowMs() - start);
        }),
      ),
    );
    expect(starts).toEqual([0, 50, 100, 150, 200]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    // One timer at a time, re-armed after each start.
    expect(time.sleeps).toEqual([50, 50, 50, 50]);
  });

  it("admits a burst after idle time, then the steady rate", async () => {
    const { time, limiter } = limiterOnFakeClock({ requestsPerSecond: 10, burst: 3 });
    await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
    expect(time.sleeps).toEqual([100, 100]);
    time.advance(10_000); // idle: the bucket refills to 3, not more
    const before = time.sleeps.length;
    await Promise.all(Array.from({ length: 4 }, () => limiter.acquire()));
    expect(time.sleeps.slice(before)).toEqual([100]);
  });

  it("caps a one-second window at ⌊rate⌋ even when the burst would allow more", async () => {
    // The burst of 50 is clamped to the cap of 5.
    const { time, limiter } = limiterOnFakeClock({ requestsPerSecond: 5, burst: 50 });
    const t0 = time.nowMs();
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, () =>
        limiter.acquire().then(() => starts.push(time.nowMs() - t0)),
      ),
    );
    expect(starts.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 1000]);
    expect(busiestSecond(starts)).toBe(5);
  });

  it("an aborted waiter leaves the queue and the next one takes its turn", async () => {
    const { time, limiter } = limiterOnFakeClock({ requestsPerSecond: 10 });
    const t0 = time.nowMs();
    await limiter.acquire();
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire().then(() => time.nowMs() - t0);
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    await expect(next).resolves.toBe(100);
    await expect(limiter.acquire(AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it("refuses a rate that is not a positive number with pcx_config", () => {
    for (const requestsPerSecond of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createRateLimiter({ requestsPerSecond })).toThrow(
        expect.objectContaining({
          code: "pcx_config",
          message: expect.stringContaining("rateLimit.requestsPerSecond"),
        }),
      );
    }
  });

  it("never exceeds ⌊rate⌋ starts in any 1-second window, whatever the arrivals and clock jumps (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(
          fc.record({
            callers: fc.integer({ min: 1, max: 8 }),
            // A gap before the next arrivals, and a jump of the clock (a stall) after the first start.
            gapMs: fc.integer({ min: 0, max: 400 }),
            stallMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2000 })),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (rate, burst, waves) => {
          const { time, limiter } = limiterOnFakeClock({ requestsPerSecond: rate, burst });
          const starts: number[] = [];
          const pending: Promise<void>[] = [];
          for (const wave of waves) {
            for (let i = 0; i < wave.callers; i++) {
              pending.push(
                limiter.acquire().then(() => {
                  starts.push(time.nowMs());
                  // Then the loop is blocked by other work: time passes, no timer fires meanwhile.
                  if (i === 0) setImmediate(() => time.advance(wave.stallMs));
                }),
              );
            }
            await time.sleep(wave.gapMs);
          }
          await Promise.all(pending);
          expect(starts).toHaveLength(waves.reduce((n, wave) => n + wave.callers, 0));
          expect(busiestSecond(starts)).toBeLessThanOrEqual(rate);
          if (burst === 1) {
            for (let i = 1; i < starts.length; i++) {
              expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(
                1000 / rate,
              );
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  // These two stall the real event loop: the clock and the timers are real.
  it.each([600, 1500])(
    "rate limiter: at most N starts in any 1-second window after an event-loop stall (%i ms)",
    async (stallMs) => {
      const rate = 100;
      const recorded: number[] = [];
      const limiter = createRateLimiter({
        requestsPerSecond: rate,
        onStart: (at) => recorded.push(at),
      });
      const seen: number[] = [];
      const callers = 130;
      await Promise.all(
        Array.from({ length: callers }, (_, i) =>
          limiter.acquire().then(() => {
            seen.push(performance.now());
            // 20 callers in, a long synchronous job blocks the loop while 110 wait.
            if (i === 19) stallEventLoop(stallMs);
          }),
        ),
      );
      expect(recorded).toHaveLength(callers);
      const gaps = recorded.slice(1).map((t, i) => t - (recorded[i] as number));
      // The stall happened while callers were queued: the start after it came late.
      expect(Math.max(...gaps)).toBeGreaterThanOrEqual(stallMs);
      // The limiter's own start times (the clock read as it let each caller go).
      expect(busiestSecond(recorded)).toBeLessThanOrEqual(rate);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / rate); // burst 1: spacing holds
      // As the callers saw it: a caller descheduled between its start and this
      // line can shift one reading, never let a queue through (the old limiter: 110).
      expect(busiestSecond(seen)).toBeLessThanOrEqual(rate + 2);
    },
  );
});

describe("client rate limit", () => {
  nockOnly();

  it("spaces every request, the token exchange included, at the configured rate", async () => {
    const sentAt: number[] = [];
    const inner = fetchTransport();
    let start = 0;
    const { client, time } = testClient({
      rateLimit: { requestsPerSecond: 10 },
      // Records when each request leaves the client (nock's reply runs later).
      transport: {
        request(request) {
          sentAt.push(time.nowMs() - start);
          return inner.request(request);
        },
      },
    });
    start = time.nowMs();
    nock(ORIGIN).post("/api/oauth/token").reply(200, TOKEN_REPLY);
    nock(ORIGIN).get("/api/integrations/12").times(5).reply(200, integration(12));
    await Promise.all(Array.from({ length: 5 }, () => client.integrations.get(12)));
    expect(sentAt).toEqual([0, 100, 200, 300, 400, 500]);
  });
});
