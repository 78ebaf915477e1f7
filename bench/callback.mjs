#!/usr/bin/env node
// The callback handler's cost per request, against a bare node:http handler,
// and the time from callback to decision applied against a local sandbox.
//
//   npx -y pnpm@10 build && node bench/callback.mjs [--requests 1000] [--concurrency 16] [--rounds 5] [--latency 190] [--json]
//
// Part 1, CPU per request (one run, interleaved rounds): both servers run in
// THIS process and answer the same callbacks, sent by a load generator in a
// child process (keep-alive, `--concurrency` at a time). Each request has its
// own activation request id and its own signed state. Both use the real SDK
// client whose transport answers from fixed, precomputed API answers (no
// network), so the API's side costs nothing and the same in both:
//
//   - "bare": a node:http handler a developer would write by hand: read the
//     query, verifyState, client.activationRequests.get, check integration,
//     state and status, client.activationRequests.approve, a small HTML page;
//   - "pcx callback": createServer(nodeCallback(createCallbackHandler(…))) with
//     the memory store and an AES-256-GCM sealer: the query schema, the state
//     check, the request checks, the store's request record, nonce, decision
//     intents and outcome, the sealed key saved as an activation, the page.
//
// Figures: medians over rounds of this process's CPU per request (the
// servers' cost) and of throughput; goal: pcx ≥ 0.8× the bare handler's
// throughput (CPU per request ≤ 1.25×).
//
// Part 2, latency: the sandbox runs in a child process; the callback server
// here uses the default client (real HTTP to the sandbox, rate limit off).
// One request at a time: the sandbox starts an activation request (not
// timed), then the time from sending the callback to its answer (the
// decision is applied at Procountor and recorded in the store before the
// handler answers). p50 and p99 over `--latency` requests.

import { fork } from "node:child_process";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  benchArgs,
  benchIntegration,
  built,
  median,
  startSandboxProcess,
} from "./lib/bench-kit.mjs";

const dist = built("sdk", "nodeAdapter", "sandbox");
const {
  requests: N,
  concurrency,
  rounds,
  latency: latencyCount,
  json,
} = benchArgs({ requests: 1000, concurrency: 16, rounds: 5, latency: 190 });

const sdk = await import(dist.sdk);
const { nodeCallback } = await import(dist.nodeAdapter);

const SECRET = "bench-state-secret-0123456789abcdef-0123";
const INTEGRATION = 7;
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** AES-256-GCM, one key: what a keyring does per seal, without the rotation bookkeeping. */
function aesSealer() {
  const key = randomBytes(32);
  return {
    async seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return `k1.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url")}`;
    },
    async open(sealed) {
      const raw = Buffer.from(sealed.slice(3), "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

// ---------------------------------------------------------------- part 1

/**
 * A store that keeps nothing and answers as an empty one would: the
 * "store stubbed" variant shows what the handler costs without the memory
 * store's copies (a diagnostic; it gives no guarantees).
 */
function noopStore() {
  return {
    saveRequest: async (request) => ({ ...request, deferred: false }),
    getRequest: async () => undefined,
    setRequestDeferred: async () => {},
    claimDecisions: async (input) => {
      const groups = new Map();
      for (const intent of input.intents) {
        const k = `${intent.action}|${intent.reason}`;
        groups.set(k, [...(groups.get(k) ?? []), intent]);
      }
      const records = [];
      for (const group of groups.values()) {
        const companyIds = group.map((i) => i.companyId).sort((a, b) => a - b);
        const key = input.keyFor({ action: group[0].action, reason: group[0].reason, companyIds });
        for (const intent of group) {
          records.push({
            requestId: input.requestId,
            companyId: intent.companyId,
            action: intent.action,
            reason: intent.reason,
            idempotencyKey: key,
            status: "intent",
            outcome: null,
            decidedBy: input.decidedBy,
            createdAt: input.now,
            appliedAt: null,
          });
        }
      }
      return { records, claimed: records.map((r) => r.companyId) };
    },
    markDecisionsApplied: async () => {},
    listDecisions: async () => [],
    listUnappliedDecisions: async () => [],
    consumeNonce: async () => "consumed",
    saveActivation: async () => {},
    getActivation: async () => undefined,
    listActivations: async () => [],
    acquireLease: async () => true,
    releaseLease: async () => {},
    close: async () => {},
  };
}

const T = "2026-01-01T12:00:00.000Z";
function requestOf(id, state, status) {
  return {
    id,
    integrationId: INTEGRATION,
    integrationVersion: 1,
    kind: "ACTIVATION",
    status: status === "PENDING" ? "PENDING" : "COMPLETED",
    requestedBy: { userId: 1, name: "Maija Meikäläinen", email: "maija@example.fi" },
    state,
    environments: [
      {
        companyId: 1001,
        name: "Esimerkki Oy",
        businessId: "1234567-8",
        status,
        reason: null,
        decidedAt: status === "PENDING" ? null : T,
      },
    ],
    createdAt: T,
    expiresAt: "2099-01-01T00:00:00.000Z",
  };
}

/** Precomputes every API answer, then serves them: the API's side costs nothing in the measurement. */
function fixedTransport(ids, states) {
  const gets = new Map();
  const approvals = new Map();
  for (const id of ids) {
    gets.set(id, JSON.stringify(requestOf(id, states.get(id), "PENDING")));
    approvals.set(
      id,
      JSON.stringify({
        request: requestOf(id, states.get(id), "APPROVED"),
        credentials: [
          { companyId: 1001, username: "acme-invoice-sync", apiKey: `tk_${id}_secretsecretsecret` },
        ],
      }),
    );
  }
  const token = JSON.stringify({ access_token: "bench-token", expires_in: 3600 });
  const json = { "content-type": "application/json" };
  return {
    async request({ method, url }) {
      if (url.endsWith("/oauth/token")) return { status: 200, headers: json, body: token };
      const id = Number(/activation-requests\/(\d+)/.exec(url)?.[1]);
      if (method === "GET") return { status: 200, headers: json, body: gets.get(id) };
      return { status: 200, headers: json, body: approvals.get(id) };
    },
  };
}

function bareHandler(client) {
  return async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const id = Number(url.searchParams.get("activationRequestId"));
      const token = url.searchParams.get("state");
      const state = await sdk.verifyState(token, {
        secrets: { k1: SECRET },
        integrationId: INTEGRATION,
      });
      if (!state.ok || !Number.isSafeInteger(id)) {
        res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
        res.end("<!doctype html><title>Link not valid</title><h1>Link not valid</h1>");
        return;
      }
      const request = await client.activationRequests.get(id);
      if (
        request.integrationId !== INTEGRATION ||
        request.state !== token ||
        request.status !== "PENDING"
      ) {
        res.writeHead(409, { "content-type": "text/html; charset=utf-8" });
        res.end("<!doctype html><title>Already processed</title><h1>Already processed</h1>");
        return;
      }
      await client.activationRequests.approve(id);
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(
        `<!doctype html><title>You're done</title><h1>You're done</h1><p>Approved request ${id}.</p>`,
      );
    } catch {
      res.writeHead(500);
      res.end();
    }
  };
}

const LOADER = `
import { Agent, request } from "node:http";
import { inPool } from ${JSON.stringify(new URL("./lib/bench-kit.mjs", import.meta.url).href)};
process.on("message", async ({ base, paths, concurrency }) => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses = {};
  const started = process.hrtime.bigint();
  await inPool(paths.length, concurrency, async (i) => {
    const status = await new Promise((resolve, reject) => {
      const req = request(base + paths[i], { agent }, (res) => { res.resume(); res.on("end", () => resolve(res.statusCode)); });
      req.on("error", reject);
      req.end();
    });
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  agent.destroy();
  process.send({ ms: Number(process.hrtime.bigint() - started) / 1e6, statuses });
});
`;

async function listen(server) {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

async function partOne() {
  const variants = ["bare", "pcx callback", "pcx, store stubbed"];
  const total = (rounds + 1) * variants.length * N; // +1: the warm-up round
  const ids = Array.from({ length: total }, (_, i) => 1000 + i);
  const states = new Map();
  for (const id of ids) {
    states.set(
      id,
      await sdk.signState(
        { ref: `customer-${id}` },
        { secret: SECRET, keyId: "k1", integrationId: INTEGRATION },
      ),
    );
  }
  const client = sdk.createClient({
    baseUrl: "https://api.bench.example/api",
    credentials: { clientId: "bench", clientSecret: "bench-secret", apiKey: "bench-key" },
    transport: fixedTransport(ids, states),
    rateLimit: false,
  });
  // A fresh store per round, as a database-backed store keeps nothing in the
  // process's heap; the memory store would otherwise grow across rounds.
  const handlerWith = (store) =>
    nodeCallback(
      sdk.createCallbackHandler({
        client,
        integrationId: INTEGRATION,
        stateSecrets: { k1: SECRET },
        store,
        sealer: aesSealer(),
        onActivationRequest: (_request, ctx) => ctx.approveAll(),
      }),
    );
  let pcx = handlerWith(sdk.createMemoryStore());
  let pcxNoStore = handlerWith(noopStore());
  const servers = {
    bare: createServer(bareHandler(client)),
    "pcx callback": createServer((req, res) => pcx(req, res)),
    "pcx, store stubbed": createServer((req, res) => pcxNoStore(req, res)),
  };
  const bases = {};
  for (const [name, server] of Object.entries(servers)) bases[name] = await listen(server);

  const loaderFile = join(tmpdir(), `pcx-bench-loader-${process.pid}.mjs`);
  writeFileSync(loaderFile, LOADER);
  const loader = fork(loaderFile, [], { stdio: "inherit" });
  const load = (base, paths) =>
    new Promise((resolve) => {
      loader.once("message", resolve);
      loader.send({ base, paths, concurrency });
    });

  let nextId = 0;
  const cpu = Object.fromEntries(variants.map((v) => [v, []]));
  const rate = Object.fromEntries(variants.map((v) => [v, []]));
  for (let round = 0; round <= rounds; round++) {
    pcx = handlerWith(sdk.createMemoryStore());
    pcxNoStore = handlerWith(noopStore());
    for (const name of variants) {
      const paths = ids
        .slice(nextId, nextId + N)
        .map(
          (id) =>
            `/procountor/callback?activationRequestId=${id}&state=${encodeURIComponent(states.get(id))}`,
        );
      nextId += N;
      const before = process.cpuUsage();
      const { ms, statuses } = await load(bases[name], paths);
      const used = process.cpuUsage(before);
      if (statuses["200"] !== N) throw new Error(`${name}: answers ${JSON.stringify(statuses)}`);
      if (round === 0) continue; // warm-up: JIT, connections
      cpu[name].push((used.user + used.system) / N);
      rate[name].push((N / ms) * 1000);
    }
  }
  loader.kill();
  rmSync(loaderFile, { force: true });
  for (const server of Object.values(servers)) {
    server.closeAllConnections();
    server.close();
  }
  const bareCpu = median(cpu.bare);
  const bareRate = median(rate.bare);
  return variants.map((name) => ({
    name,
    cpuUsPerRequest: Math.round(median(cpu[name])),
    cpuRatio: Number((median(cpu[name]) / bareCpu).toFixed(2)),
    requestsPerSecond: Math.round(median(rate[name])),
    throughputRatio: Number((median(rate[name]) / bareRate).toFixed(2)),
    // What one core would serve at this CPU per request.
    perCoreCapacity: Math.round(1e6 / median(cpu[name])),
    cpuByRound: cpu[name].map(Math.round),
  }));
}

// ---------------------------------------------------------------- part 2

/** Maija's environments where a new activation can start. */
const SELECTABLE = [1001, 1002, ...Array.from({ length: 17 }, (_, i) => 1004 + i)];

async function partTwo() {
  const sandbox = await startSandboxProcess(dist.sandbox);
  const client = sdk.createClient({
    baseUrl: sandbox.apiBaseUrl,
    credentials: sandbox.credentials,
    rateLimit: false,
  });
  const store = sdk.createMemoryStore();
  const sealer = aesSealer();
  const handlers = new Map();
  const server = createServer((req, res) => {
    const integrationId = Number(/^\/cb\/(\d+)/.exec(req.url ?? "")?.[1]);
    return nodeCallback(handlers.get(integrationId))(req, res);
  });
  const base = await listen(server);
  const samples = [];
  try {
    // Each environment activates once per integration: a new integration every 19 requests.
    let integrationId = 0;
    for (let i = 0; i < latencyCount; i++) {
      const slot = i % SELECTABLE.length;
      if (slot === 0) {
        const created = await client.integrations.create(
          benchIntegration("Measures the callback against the sandbox.", {
            name: `Bench Integration ${i}`,
            callbackUrl: `${base}/cb/${i}`,
          }),
        );
        integrationId = created.id;
        await fetch(`${sandbox.url}/sandbox/integrations/${integrationId}/review`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ decision: "approve" }),
        });
        handlers.set(
          integrationId,
          sdk.createCallbackHandler({
            client,
            integrationId,
            stateSecrets: { k1: SECRET },
            store,
            sealer,
            onActivationRequest: (_request, ctx) => ctx.approveAll(),
          }),
        );
      }
      const state = await sdk.signState(
        { ref: `customer-${i}` },
        { secret: SECRET, keyId: "k1", integrationId },
      );
      const started = await fetch(`${sandbox.url}/sandbox/activation-requests`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ integrationId, companyIds: [SELECTABLE[slot]], state }),
      });
      const { request } = await started.json();
      const url = `${base}/cb/${integrationId}?activationRequestId=${request.id}&state=${encodeURIComponent(state)}`;
      const t0 = process.hrtime.bigint();
      const answer = await fetch(url);
      await answer.text();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (answer.status !== 200) throw new Error(`callback ${i}: ${answer.status}`);
      samples.push(ms);
    }
  } finally {
    server.closeAllConnections();
    server.close();
    await client.close();
    sandbox.child.stdin.end();
  }
  const decided = (await store.listActivations()).length;
  return {
    requests: samples.length,
    activationsRecorded: decided,
    p50Ms: Number(percentile(samples, 50).toFixed(1)),
    p99Ms: Number(percentile(samples, 99).toFixed(1)),
    maxMs: Number(Math.max(...samples).toFixed(1)),
  };
}

const cpuResults = await partOne();
const latency = await partTwo();
if (json) {
  console.log(
    JSON.stringify(
      { node: process.version, requests: N, concurrency, rounds, cpu: cpuResults, latency },
      null,
      2,
    ),
  );
} else {
  console.log(
    `Part 1: ${N} callbacks per round at concurrency ${concurrency}, median of ${rounds} rounds (Node ${process.version})`,
  );
  for (const r of cpuResults) {
    console.log(
      `  ${r.name.padEnd(14)} CPU ${String(r.cpuUsPerRequest).padStart(5)} µs/request (${r.cpuRatio}×)  ${String(r.requestsPerSecond).padStart(6)}/s (${r.throughputRatio}×)  one core: ${r.perCoreCapacity}/s  rounds: ${r.cpuByRound.join(" ")}`,
    );
  }
  console.log(
    `Part 2: callback → decision applied against the sandbox, ${latency.requests} requests one at a time: p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms`,
  );
}
