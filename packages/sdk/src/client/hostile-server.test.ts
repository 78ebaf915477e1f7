import { inspect } from "node:util";
import {
  CREDENTIALS,
  type HostileBehaviour,
  type HostileKind,
  integration,
  leakedFragments,
  startHostileServer,
} from "@pcx/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PcxError } from "../errors/index.js";
import { createClient } from "./procountor-client.js";
import { undiciTransport } from "./undici-transport.js";

const TIMEOUT_MS = 300;
const RUNS = 4;
const CALLS_PER_RUN = 50; // 200 calls in all
const CONCURRENCY = 25;

/** A secret with the characters that break naive redaction, and no long runs that padding could match. */
const secretArb = fc
  .array(fc.constantFrom(..."abcdefghXYZ0123456789+/=& %\"\\'-_.~!ä€".split("")), {
    minLength: 16,
    maxLength: 30,
  })
  .map((chars) => chars.join(""))
  .filter((s) => new Set(s).size >= 10 && !/(.)\1\1/.test(s) && s.trim() === s);

const behaviourArb: fc.Arbitrary<HostileBehaviour> = fc.record(
  {
    phase: fc.constantFrom("token" as const, "api" as const),
    kind: fc.constantFrom<HostileKind>(
      "echo",
      "cut",
      "truncate",
      "drip",
      "hang",
      "reset",
      "wrongType",
      "huge",
      "escapes",
    ),
    status: fc.constantFrom(200, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503),
    encoding: fc.constantFrom(
      "raw" as const,
      "form" as const,
      "percent" as const,
      "lowerPercent" as const,
      "json" as const,
      "errorItems" as const,
    ),
    cutAt: fc.nat({ max: 400 }),
    retryAfter: fc.constantFrom("-1", "soon", "0", "0.02", "", "1e3", "Infinity", "9999999999"),
  },
  { requiredKeys: ["phase", "kind", "status", "encoding", "cutAt"] },
);

const callArb = fc.record({
  apiKey: secretArb,
  // A token goes into an HTTP header: printable ASCII, as real tokens are.
  accessToken: secretArb.filter((s) => /^[\x21-\x7e]+$/.test(s)),
  behaviour: fc.option(behaviourArb, { freq: 6, nil: undefined }),
});

/** The largest lateness of a 20 ms timer since `start()`: how far the machine's load delays timers. */
function timerLateness() {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 20);
    last = now;
  }, 20);
  return {
    worst: () => worst,
    stop: () => clearInterval(timer),
  };
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}

describe("the client against a hostile server (fast-check, real HTTP)", () => {
  it("leaks no secret fragment into errors or log lines, and ends every call in time with a PcxError", async () => {
    const server = await startHostileServer(integration(12));
    const codes = new Map<string, number>();
    let succeeded = 0;
    let companyId = 1000;
    const lateness = timerLateness();
    try {
      await fc.assert(
        fc.asyncProperty(
          secretArb,
          fc.array(callArb, { minLength: CALLS_PER_RUN, maxLength: CALLS_PER_RUN }),
          async (clientSecret, calls) => {
            // One parent per run; every call is an environment client on its shared pool.
            const lines: string[] = [];
            const transport = undiciTransport({ connections: 64 });
            const parent = createClient({
              baseUrl: `${server.origin}/api`,
              credentials: { ...CREDENTIALS, clientSecret },
              transport,
              rateLimit: false,
              timeoutMs: TIMEOUT_MS,
              retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10, maxElapsedMs: 1000 },
              logger: { debug: (message, data) => lines.push(JSON.stringify([message, data])) },
            });
            try {
              // Warm up: undici loaded, a connection open, before any call is timed.
              await transport.request({
                method: "GET",
                url: `${server.origin}/warm-up`,
                headers: {},
              });
              await pool(calls, CONCURRENCY, async (call) => {
                if ([call.apiKey, call.accessToken].includes(clientSecret)) return;
                server.register(call);
                const env = parent.forEnvironment(++companyId, { apiKey: call.apiKey });
                const started = performance.now();
                let thrown: unknown;
                try {
                  const result = await env.integrations.get(12);
                  expect(result.id).toBe(12);
                  succeeded++;
                } catch (error) {
                  thrown = error;
                }
                const elapsed = performance.now() - started;
                // Token exchange and API call, each up to 2 attempts (+1 after a 401), each
                // bounded by the timeout; waits are ≤ 20 ms. Slack: 500 ms, plus how late this
                // loaded machine fired timers, for each of those 6 timeouts.
                expect(elapsed).toBeLessThan(6 * TIMEOUT_MS + 500 + 6 * lateness.worst());
                const printed: string[] = [];
                if (thrown !== undefined) {
                  expect(thrown).toBeInstanceOf(PcxError);
                  const error = thrown as PcxError;
                  codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
                  printed.push(
                    error.message,
                    String(error.hint),
                    JSON.stringify(error),
                    JSON.stringify(error.details ?? {}),
                    String(error),
                    inspect(error, { depth: 10 }),
                  );
                }
                const secrets = [clientSecret, call.apiKey, call.accessToken];
                expect(leakedFragments(printed.join("\n"), secrets)).toEqual([]);
              });
              const secrets = [clientSecret, ...calls.flatMap((c) => [c.apiKey, c.accessToken])];
              expect(leakedFragments(lines.join("\n"), secrets)).toEqual([]);
            } finally {
              await transport.close();
            }
          },
        ),
        // No shrinking: each run takes real time; the counterexample and seed are reported as found.
        { numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      lateness.stop();
      await server.close();
    }
    // The runs reached the ways a call can fail, and some calls got through.
    for (const code of ["pcx_timeout", "pcx_network", "pcx_invalid_response", "pcx_unauthorized"]) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
    expect(succeeded).toBeGreaterThan(0);
  }, 60_000);
});
