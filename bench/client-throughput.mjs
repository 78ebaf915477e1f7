#!/usr/bin/env node
// CPU per call of the SDK client against the sandbox, as a ratio to a bare
// undici `request` measured in the same run.
//
//   npx -y pnpm@10 build && node --expose-gc bench/client-throughput.mjs [--calls 1000] [--concurrency 32] [--rounds 7] [--json] [--only client]
//
// The sandbox runs in a child process (its own core), the benchmark in this
// one. Each round runs every variant once, in turn (interleaved), so load on
// the shared machine hits all of them alike; the figures are medians over the
// rounds of this process's CPU time per call (process.cpuUsage: the client's
// cost; the sandbox's CPU is in the other process) and of wall time. Every
// variant makes the same call, GET /api/integrations/{id} with a bearer token,
// and parses the JSON answer:
//
//   - "undici request" (the baseline): Agent.request on an undici Agent with the
//     client's pool settings, body parsed with JSON.parse; no timeout, no validation;
//   - "global fetch" (a reference): Node's global fetch, no dispatcher option;
//   - "client": client.integrations.get(id) with the default transport
//     (undiciTransport: the same Agent.request), per-attempt timeout, zod
//     validation, retries armed, rate limiter off;
//   - "client, rate limit 20/s" is not measured: it would take 50 s by design.
//
// Goal: client CPU per call ≤ 1.5× the undici request. Results are recorded in docs/benchmarks.md.

import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  benchArgs,
  benchIntegration,
  built,
  measureCalls,
  median,
  ROOT,
  startSandboxProcess,
} from "./lib/bench-kit.mjs";

const dist = built("sdk", "sandbox");
// --only, a profiling aid: run only the variants whose name contains this text (plus the baseline).
const { calls, concurrency, rounds, json, only } = benchArgs(
  { calls: 1000, concurrency: 32, rounds: 7 },
  ["only"],
);

/** One variant's run: `calls` calls, `concurrency` at a time. */
const run = (fn) => measureCalls(calls, concurrency, fn);

const { createClient } = await import(dist.sdk);
// The SDK's own copy of undici, as its default transport loads it.
const undiciPath = createRequire(join(ROOT, "packages/sdk/package.json")).resolve("undici");
const { Agent } = await import(pathToFileURL(undiciPath).href);
const sandbox = await startSandboxProcess(dist.sandbox);
try {
  const client = createClient({
    baseUrl: sandbox.apiBaseUrl,
    credentials: sandbox.credentials,
    rateLimit: false,
  });
  const { id } = await client.integrations.create(
    benchIntegration("Measures the client against the sandbox."),
  );
  const token = await client.getAccessToken();
  const url = `${sandbox.apiBaseUrl}/integrations/${id}`;
  const { origin, pathname } = new URL(url);
  const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
  const agent = new Agent({ connections: 16, keepAliveTimeout: 10_000 });

  const variants = [
    {
      name: "undici Agent.request (bare)",
      baseline: true,
      fn: async () => {
        const res = await agent.request({ origin, path: pathname, method: "GET", headers });
        if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
        JSON.parse(await res.body.text());
      },
    },
    {
      name: "global fetch (reference)",
      fn: async () => {
        const res = await fetch(url, { headers });
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        await res.json();
      },
    },
    {
      name: "client.integrations.get (limiter off)",
      fn: () => client.integrations.get(id),
    },
  ];

  if (only) {
    for (let i = variants.length - 1; i >= 0; i--) {
      if (!variants[i].baseline && !variants[i].name.includes(only)) variants.splice(i, 1);
    }
  }
  // Warm-up: connections, JIT.
  for (const v of variants) await run(v.fn);
  const times = new Map(variants.map((v) => [v.name, []]));
  const cpus = new Map(variants.map((v) => [v.name, []]));
  for (let r = 0; r < rounds; r++) {
    // Rotate the order each round, and collect garbage before each run (node --expose-gc),
    // so no variant pays for the garbage another one left.
    const order = variants.map((_, i) => variants[(i + r) % variants.length]);
    for (const v of order) {
      globalThis.gc?.();
      const { ms, cpuUsPerCall } = await run(v.fn);
      times.get(v.name).push(ms);
      cpus.get(v.name).push(cpuUsPerCall);
    }
  }
  await client.close();
  await agent.close();

  const baseline = variants.find((v) => v.baseline).name;
  const base = median(times.get(baseline));
  const baseCpu = median(cpus.get(baseline));
  const results = variants.map((v) => {
    const ms = median(times.get(v.name));
    const cpu = median(cpus.get(v.name));
    return {
      name: v.name,
      medianMs: Math.round(ms),
      callsPerSec: Math.round((calls / ms) * 1000),
      ratio: Number((ms / base).toFixed(2)),
      cpuUsPerCall: Math.round(cpu),
      cpuRatio: Number((cpu / baseCpu).toFixed(2)),
    };
  });
  if (json) {
    console.log(
      JSON.stringify(
        { node: process.version, load: loadavg()[0], calls, concurrency, rounds, results },
        null,
        2,
      ),
    );
  } else {
    console.log(
      `${calls} calls at concurrency ${concurrency}, median of ${rounds} rounds (Node ${process.version}, load ${loadavg()[0].toFixed(1)})`,
    );
    for (const r of results) {
      console.log(
        `${r.name.padEnd(40)} CPU ${String(r.cpuUsPerCall).padStart(4)} µs/call  ${String(r.cpuRatio).padStart(5)}×   wall ${String(r.medianMs).padStart(5)} ms  ${String(r.callsPerSec).padStart(6)}/s  ${r.ratio}×`,
      );
    }
  }
} finally {
  sandbox.child.stdin.end();
}
