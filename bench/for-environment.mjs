#!/usr/bin/env node
// Memory and time of many `client.forEnvironment(companyId)` clients, each
// making one call, against a local server; the baseline is one client making
// the same number of calls, measured in the same run.
//
//   npx -y pnpm@10 build && node --expose-gc bench/for-environment.mjs [--clients 10000] [--rounds 3] [--json]
//
// The server runs in a child process (its own heap and core): it answers the
// token exchange (a token per API key) and GET /api/integrations/{id} with an
// integration the sandbox made, and counts the TCP connections it accepted.
// Each round, in this process:
//   - "one client": a client (rate limiter off) makes N calls, 64 at a time;
//   - "N environment clients": a parent client makes N environment clients
//     (forEnvironment with an API key each), and each makes one call, 64 at a
//     time: its own token exchange, then GET. Each has its own token cache and
//     rate limiter (the default 20/s, so each waits 50 ms between its token
//     exchange and its call, by design), all share the parent's pool.
// Heap figures are heap used after a full GC, minus the same before the round,
// with every client still referenced: what the clients keep. Time is wall time.
// Goal: ≤ 64 MB of heap for 10,000 environment clients, one shared pool (the
// server sees at most the pool's 16 connections).

import { loadavg } from "node:os";
import {
  BENCH_KIT,
  benchArgs,
  built,
  inPool,
  median,
  startChildProcess,
} from "./lib/bench-kit.mjs";

const dist = built("sdk", "sandbox");
const { clients, rounds, concurrency, json } = benchArgs({
  clients: 10000,
  rounds: 3,
  concurrency: 64,
});

if (typeof globalThis.gc !== "function") {
  console.error("Run with node --expose-gc, so heap figures are measured after a full GC.");
  process.exit(2);
}

/** The child: gets a valid integration from the sandbox, then serves it from a bare server. */
const childScript = `
  import { createServer } from "node:http";
  import { benchIntegration } from ${JSON.stringify(BENCH_KIT)};
  const { startSandbox } = await import(${JSON.stringify(dist.sandbox)});
  const { createClient } = await import(${JSON.stringify(dist.sdk)});
  const sandbox = await startSandbox({ port: 0 });
  const maker = createClient({ baseUrl: sandbox.apiBaseUrl, credentials: sandbox.credentials, rateLimit: false });
  const integration = await maker.integrations.create(
    benchIntegration("Serves many environment clients."),
  );
  await maker.close();
  await sandbox.close();
  const body = JSON.stringify(integration);
  let connections = 0;
  const server = createServer((req, res) => {
    let form = "";
    req.on("data", (chunk) => { form += chunk; });
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/api/oauth/token") {
        const key = new URLSearchParams(form).get("api_key");
        res.end(JSON.stringify({ access_token: "at-" + key, expires_in: 3600 }));
      } else if (req.url === "/connections") {
        res.end(JSON.stringify({ connections }));
      } else res.end(body);
    });
  });
  server.on("connection", () => { connections++; });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(JSON.stringify({ baseUrl: "http://127.0.0.1:" + server.address().port + "/api", id: integration.id }) + "\\n");
  });
  process.stdin.resume();
  process.stdin.on("end", () => server.close(() => process.exit(0)));
`;

const startServerProcess = () => startChildProcess(childScript);

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const MB = 1024 * 1024;

const { createClient } = await import(dist.sdk);
const server = await startServerProcess();
const credentials = {
  clientId: "bench",
  clientSecret: "bench-client-secret",
  apiKey: "bench-api-key",
};
const connectionsSeen = async () =>
  (await (await fetch(server.baseUrl.replace(/\/api$/, "/connections"))).json()).connections;

/** One client, N calls. Locals end with the call, so nothing of it survives into the next measurement. */
async function measureSingle() {
  const before = heapAfterGc();
  const started = performance.now();
  const client = createClient({ baseUrl: server.baseUrl, credentials, rateLimit: false });
  await inPool(clients, concurrency, () => client.integrations.get(server.id));
  const ms = performance.now() - started;
  const heap = heapAfterGc() - before;
  await client.close();
  return { ms, heapMB: heap / MB };
}

/** N environment clients, one call each, one shared pool; all still referenced when the heap is read. */
async function measureEnvironments() {
  const connectionsBefore = await connectionsSeen();
  const before = heapAfterGc();
  const started = performance.now();
  const parent = createClient({ baseUrl: server.baseUrl, credentials });
  const environments = new Array(clients);
  await inPool(clients, concurrency, async (i) => {
    const env = parent.forEnvironment(100_000 + i, { apiKey: `tk-bench-${i}-0123456789` });
    environments[i] = env;
    await env.integrations.get(server.id);
  });
  const ms = performance.now() - started;
  const heap = heapAfterGc() - before;
  const connections = (await connectionsSeen()) - connectionsBefore - 1; // minus our own query
  if (environments.filter(Boolean).length !== clients) throw new Error("a client is missing");
  await parent.close();
  environments.length = 0;
  return { ms, heapMB: heap / MB, connections };
}

const results = { single: [], environments: [] };
try {
  for (let round = 0; round < rounds; round++) {
    results.single.push(await measureSingle());
    results.environments.push(await measureEnvironments());
  }
} finally {
  server.child.stdin.end();
}

const summary = {
  node: process.version,
  load: Number(loadavg()[0].toFixed(1)),
  clients,
  rounds,
  concurrency,
  single: {
    medianMs: Math.round(median(results.single.map((r) => r.ms))),
    medianHeapMB: Number(median(results.single.map((r) => r.heapMB)).toFixed(1)),
  },
  environments: {
    medianMs: Math.round(median(results.environments.map((r) => r.ms))),
    medianHeapMB: Number(median(results.environments.map((r) => r.heapMB)).toFixed(1)),
    maxHeapMB: Number(Math.max(...results.environments.map((r) => r.heapMB)).toFixed(1)),
    bytesPerClient: Math.round((median(results.environments.map((r) => r.heapMB)) * MB) / clients),
    maxConnections: Math.max(...results.environments.map((r) => r.connections)),
  },
};
summary.environments.timeRatio = Number(
  (summary.environments.medianMs / summary.single.medianMs).toFixed(2),
);

if (json) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(
    `${clients} calls, ${concurrency} at a time, median of ${rounds} rounds (Node ${process.version}, load ${summary.load})`,
  );
  console.log(
    `one client, ${clients} calls:                ${String(summary.single.medianMs).padStart(6)} ms  heap kept ${summary.single.medianHeapMB} MB`,
  );
  console.log(
    `${clients} environment clients, 1 call each: ${String(summary.environments.medianMs).padStart(6)} ms  (${summary.environments.timeRatio}×)  heap kept ${summary.environments.medianHeapMB} MB (max ${summary.environments.maxHeapMB}; ${summary.environments.bytesPerClient} B per client)  connections ≤ ${summary.environments.maxConnections}`,
  );
}
