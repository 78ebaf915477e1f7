#!/usr/bin/env node
// The reconciler's sweep rate as a share of the client's configured rate limit.
//
//   npx -y pnpm@10 build && node bench/reconciler-sweep.mjs [--requests 60] [--rate 20] [--rounds 3] [--concurrency N] [--json]
//
// Each round: an in-process sandbox (its fetch as the client's transport, no
// socket) with `--requests` pending activation requests of 3 environments
// whose callbacks never came; one reconciler sweep with the hook of the load
// tests (two environments approved, one rejected: two API calls a request)
// and the memory store. The client has the default limiter shape at
// `--rate` requests per second (burst 1); every call it makes is counted and
// time-stamped at the transport, token calls included.
//
// Figures (medians over rounds):
//   - share: calls ÷ sweep seconds ÷ rate (goal ≥ 0.95, never above 1), the
//     sweep's own store work before the first call and after the last included;
//   - span share: the same from the first call's start to the last's;
//   - limiter share: as many plain calls (4 at a time) through the same
//     client right after, first start to last: the limiter's own ceiling
//     under the same machine load, which the sweep cannot beat;
//   - peak: the most calls in any one-second window, as a share of the rate
//     (the limiter's promise: never above 1 plus the burst).
// Results are recorded in docs/benchmarks.md.

import { benchArgs, built, inPool, median } from "./lib/bench-kit.mjs";

const dist = built("sdk", "sandbox");
// --concurrency unset: the reconciler's default.
const { requests, rate, rounds, concurrency, json } = benchArgs({
  requests: 60,
  rate: 20,
  rounds: 3,
  concurrency: null,
});

const sdk = await import(dist.sdk);
const { createSandbox } = await import(dist.sandbox);
const STATE_SECRET = "bench-state-secret-0123456789abcdef0123456789";
const DEFINITION = {
  name: "Bench Invoice Sync",
  description: "Sends sales invoices to Procountor.",
  links: {
    privacyPolicy: "https://bench.example/privacy",
    termsOfService: "https://bench.example/terms",
    support: "https://bench.example/support",
  },
  callbackUrl: "https://bench.example/procountor/callback",
  billing: "environment",
  technicalUser: {
    username: "bench-invoice-sync",
    rights: [{ right: "sales-invoices", level: "all", purpose: "Creates sales invoices." }],
  },
};

function hook(request) {
  return request.environments.map((env) =>
    env.companyId % 3 === 0
      ? { companyId: env.companyId, action: "reject", reason: `No contract for ${env.companyId}` }
      : { companyId: env.companyId, action: "approve" },
  );
}

/** The most timestamps (ms) in any window of `windowMs`. */
function peak(times, windowMs) {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

async function round() {
  const sandbox = createSandbox({ requestTtlMs: 3_600_000 });
  const times = [];
  const inner = sdk.fetchTransport({ fetch: sandbox.fetch });
  const client = sdk.createClient({
    baseUrl: sandbox.apiBaseUrl,
    credentials: sandbox.credentials,
    rateLimit: { requestsPerSecond: rate, burst: 1 },
    transport: {
      request(request) {
        times.push(performance.now());
        return inner.request(request);
      },
    },
  });
  try {
    const { id: integrationId } = sandbox.engine.createIntegration(
      sandbox.credentials.clientId,
      DEFINITION,
    );
    sandbox.engine.reviewIntegration(integrationId, "approve");
    for (let i = 0; i < requests; i++) {
      const customer = sandbox.engine.createCustomer({ companies: 3 });
      const state = await sdk.signState(
        { ref: `customer-${i}` },
        { secret: STATE_SECRET, keyId: "k1", integrationId },
      );
      sandbox.engine.startActivation({
        userId: customer.user.id,
        integrationId,
        companyIds: customer.companies.map((c) => c.id),
        state,
      });
    }
    const reconciler = sdk.createReconciler({
      client,
      integrationId,
      store: sdk.createMemoryStore({ onWarning: () => {} }),
      sealer: sdk.createKeyring({ keys: [{ id: "k1", key: sdk.generateKeyringKey() }] }),
      stateSecrets: { k1: STATE_SECRET },
      onActivationRequest: hook,
      callbackGraceMs: 0,
      syncActivations: false,
      ...(concurrency === undefined ? {} : { concurrency }),
    });
    // A first call outside the timing: the token and the limiter's first slot.
    await client.integrations.get(integrationId);
    times.length = 0;
    const started = performance.now();
    const summary = await reconciler.sweep();
    const seconds = (performance.now() - started) / 1000;
    await reconciler.stop();
    if (summary.decided !== requests) {
      throw new Error(`decided ${summary.decided} of ${requests}: ${JSON.stringify(summary)}`);
    }
    const spanSeconds = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    // The limiter's own ceiling under the same load: as many plain calls, 4 at a time.
    const calls = times.length;
    times.length = 0;
    await inPool(calls, 4, () => client.integrations.get(integrationId));
    const limiterSeconds = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    return {
      calls,
      seconds,
      share: calls / seconds / rate,
      // From the first call's start to the last's: the pace while calls are made.
      spanShare: (calls - 1) / spanSeconds / rate,
      limiterShare: (calls - 1) / limiterSeconds / rate,
      peakShare: peak(times, 1000) / rate,
    };
  } finally {
    await client.close();
    sandbox.close();
  }
}

const results = [];
for (let i = 0; i < rounds; i++) results.push(await round());
const summary = {
  requests,
  rate,
  rounds,
  node: process.version,
  medianCalls: median(results.map((r) => r.calls)),
  medianSeconds: median(results.map((r) => r.seconds)),
  medianShare: median(results.map((r) => r.share)),
  medianSpanShare: median(results.map((r) => r.spanShare)),
  medianLimiterShare: median(results.map((r) => r.limiterShare)),
  medianOfLimiter: median(results.map((r) => r.share / r.limiterShare)),
  maxPeakShare: Math.max(...results.map((r) => r.peakShare)),
  results,
};
if (json) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  console.log(
    `${requests} requests × 3 environments, rate limit ${rate}/s, median of ${rounds} rounds (${process.version})`,
  );
  console.log(
    `calls ${summary.medianCalls} in ${summary.medianSeconds.toFixed(2)} s: ${(summary.medianShare * 100).toFixed(1)} % of the limit over the sweep, ${(summary.medianSpanShare * 100).toFixed(1)} % from first call to last; plain calls through the same limiter ${(summary.medianLimiterShare * 100).toFixed(1)} % (sweep ÷ plain: ${summary.medianOfLimiter.toFixed(2)}); busiest second ${(summary.maxPeakShare * 100).toFixed(0)} %`,
  );
}
