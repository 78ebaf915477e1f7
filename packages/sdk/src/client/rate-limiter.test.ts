import { fakeTime, integration, ORIGIN, TOKEN_REPLY, testClient } from "@pcx/testkit";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fetchTransport } from "./fetch-transport.js";
import { createRateLimiter } from "./rate-limiter.js";

describe("createRateLimiter", () => {
  it("spaces requests 1/rate apart, in call order", async () => {
    const time = fakeTime();
    const start = time.nowMs();
    const limiter = createRateLimiter({
      requestsPerSecond: 20,
      now: time.nowMs,
      sleep: time.sleep,
    });
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => limiter.acquire().then(() => order.push(i))),
    );
    expect(time.sleeps).toEqual([50, 100, 150, 200]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(time.nowMs() - start).toBe(200);
  });

  it("admits a burst after idle time, then the steady rate", async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({
      requestsPerSecond: 10,
      burst: 3,
      now: time.nowMs,
      sleep: time.sleep,
    });
    await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
    expect(time.sleeps).toEqual([100, 200]);
    time.advance(10_000); // idle: the bucket refills to 3, not more
    const before = time.sleeps.length;
    await Promise.all(Array.from({ length: 4 }, () => limiter.acquire()));
    expect(time.sleeps.slice(before)).toEqual([100]);
  });

  it("never admits more than rate + burst in any one-second window", async () => {
    const time = fakeTime();
    const starts: number[] = [];
    const limiter = createRateLimiter({
      requestsPerSecond: 20,
      now: time.nowMs,
      sleep: time.sleep,
    });
    await Promise.all(
      Array.from({ length: 100 }, () => limiter.acquire().then(() => starts.push(time.nowMs()))),
    );
    for (const s of starts) {
      expect(starts.filter((t) => t >= s && t < s + 1000).length).toBeLessThanOrEqual(21);
    }
  });

  it("refuses a rate that is not positive", () => {
    expect(() => createRateLimiter({ requestsPerSecond: 0 })).toThrow(RangeError);
  });
});

describe("client rate limit", () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

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
