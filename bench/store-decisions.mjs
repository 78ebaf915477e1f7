#!/usr/bin/env node
// Decisions per second for each ActivationStore, as a ratio to the memory store.
//
//   npx -y pnpm@10 build
//   PCX_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//     node bench/store-decisions.mjs [--requests 300] [--concurrency 8] [--rounds 5] [--json]
//
// One "decision" is one environment decided the way the callback handler
// does it: the intent claimed (claimDecisions, which writes it before the API
// call) and the outcome recorded (markDecisionsApplied). Every request has 3
// environments, claimed in one call and marked in one call; `concurrency`
// requests are in flight at once, as with parallel callbacks. Each round runs
// every store once, in turn (interleaved, so load on the shared machine hits
// them alike), on fresh request ids; the figures are medians over rounds.
//
// Stores: memory (the in-run baseline: no I/O at all), SQLite in a temp file
// (WAL, the store's defaults: synchronous=FULL), the same with
// synchronous: "normal", PostgreSQL in a throwaway schema when
// PCX_TEST_DATABASE_URL is set (else skipped, with a note).
// Results are recorded in docs/benchmarks.md.

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchArgs, built, inPool, median, ROOT } from "./lib/bench-kit.mjs";

const dist = built("sdk", "sqlite", "postgres");
const { requests, concurrency, rounds, json } = benchArgs({
  requests: 300,
  concurrency: 8,
  rounds: 5,
});
const ENVIRONMENTS = 3;

const { createMemoryStore } = await import(dist.sdk);
const { createSqliteStore } = await import(dist.sqlite);
const { createPostgresStore } = await import(dist.postgres);

const dir = mkdtempSync(join(tmpdir(), "pcx-bench-"));
const pgUrl = process.env.PCX_TEST_DATABASE_URL;
const pgSchema = `pcx_bench_${randomBytes(4).toString("hex")}`;
const stores = [
  { name: "memory", store: createMemoryStore() },
  { name: "SQLite (file)", store: await createSqliteStore({ filename: join(dir, "bench.db") }) },
  {
    name: "SQLite (normal)",
    store: await createSqliteStore({ filename: join(dir, "normal.db"), synchronous: "normal" }),
  },
];
if (pgUrl) {
  stores.push({
    name: "PostgreSQL",
    store: await createPostgresStore({ connectionString: pgUrl, schema: pgSchema }),
  });
} else {
  console.error("note: PostgreSQL skipped; set PCX_TEST_DATABASE_URL to include it");
}

let nextRequestId = 1;
const keyFor = ({ action, companyIds }) => `bench:${action}:${companyIds.join(",")}`;

/** Decides `requests` requests of 3 environments, `concurrency` at a time; returns wall ms. */
async function run(store) {
  const first = nextRequestId;
  nextRequestId += requests;
  const start = process.hrtime.bigint();
  await inPool(requests, concurrency, async (i) => {
    const requestId = first + i;
    const companyIds = Array.from({ length: ENVIRONMENTS }, (_, i) => 1000 + i);
    const { claimed } = await store.claimDecisions({
      requestId,
      intents: companyIds.map((companyId) => ({ companyId, action: "approve", reason: null })),
      keyFor,
      decidedBy: "bench",
      now: new Date(),
    });
    if (claimed.length !== ENVIRONMENTS) throw new Error(`request ${requestId}: lost a claim`);
    await store.markDecisionsApplied(
      requestId,
      claimed.map((companyId) => ({ companyId, outcome: "APPROVED" })),
      new Date(),
    );
  });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

try {
  for (const entry of stores) await run(entry.store); // warm-up round
  const walls = new Map(stores.map((s) => [s.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const entry of stores) walls.get(entry.name).push(await run(entry.store));
  }
  const decisions = requests * ENVIRONMENTS;
  const rows = stores.map(({ name }) => {
    const wall = median(walls.get(name));
    return { store: name, medianWallMs: wall, decisionsPerSecond: (decisions / wall) * 1000 };
  });
  const base = rows[0].decisionsPerSecond;
  for (const row of rows) row.ratioToMemory = row.decisionsPerSecond / base;
  const meta = { requests, environments: ENVIRONMENTS, concurrency, rounds, node: process.version };
  if (json) {
    console.log(JSON.stringify({ ...meta, rows }, null, 2));
  } else {
    console.log(
      `${requests} requests × ${ENVIRONMENTS} environments, concurrency ${concurrency}, median of ${rounds} rounds (${process.version})`,
    );
    console.log("store            median wall   decisions/s   × memory");
    for (const r of rows) {
      console.log(
        `${r.store.padEnd(16)} ${`${r.medianWallMs.toFixed(1)} ms`.padStart(11)}   ${r.decisionsPerSecond.toFixed(0).padStart(11)}   ${r.ratioToMemory.toFixed(4)}`,
      );
    }
  }
} finally {
  for (const { store } of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (pgUrl) {
    // pg is a dependency of packages/store-sql, not of the repository root.
    const pg = createRequire(join(ROOT, "packages/store-sql/package.json"))("pg");
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`drop schema if exists "${pgSchema}" cascade`);
    await client.end();
  }
}
