#!/usr/bin/env node
// `pcx sandbox`: time from spawning the process to its ready line.
//
//   npx -y pnpm@10 build && node bench/sandbox-startup.mjs [--runs 20] [--warmup 2] [--json]
//
// Each run spawns `node packages/cli/dist/pcx.js sandbox --port 0 --json`,
// waits for the ready document on stdout, fetches /sandbox/health once
// (the first answered request), then sends SIGINT and waits for exit 0.
// Reported: medians and maxima of spawn → ready document, spawn → first
// answer, and the command's own readyInMs (from the start of the command,
// after Node and the CLI have loaded). The goal: ready in under 2 s.
// Results are recorded in docs/benchmarks.md.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchArgs, built, median } from "./lib/bench-kit.mjs";

const bin = fileURLToPath(built("cli").cli);
const { runs, warmup, json } = benchArgs({ runs: 20, warmup: 2 });

function once() {
  return new Promise((resolve, reject) => {
    const config = mkdtempSync(join(tmpdir(), "pcx-bench-"));
    const started = performance.now();
    const child = spawn(process.execPath, [bin, "sandbox", "--port", "0", "--json"], {
      env: { ...process.env, PCX_CONFIG_DIR: config, NO_COLOR: "1" },
    });
    let out = "";
    let result;
    child.stdout.setEncoding("utf8").on("data", async (chunk) => {
      out += chunk;
      if (result || !/^\}$/m.test(out)) return;
      const readyMs = performance.now() - started;
      const doc = JSON.parse(out);
      result = { readyMs, commandReadyMs: doc.readyInMs };
      const response = await fetch(`${doc.url}/sandbox/health`);
      await response.text();
      result.firstAnswerMs = performance.now() - started;
      child.kill("SIGINT");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      rmSync(config, { recursive: true, force: true });
      if (code !== 0 || !result) reject(new Error(`pcx sandbox exited ${code}`));
      else resolve(result);
    });
  });
}

for (let i = 0; i < warmup; i++) await once();
const results = [];
for (let i = 0; i < runs; i++) results.push(await once());

const summary = Object.fromEntries(
  ["readyMs", "firstAnswerMs", "commandReadyMs"].map((key) => {
    const xs = results.map((r) => r[key]);
    return [key, { median: Math.round(median(xs)), max: Math.round(Math.max(...xs)) }];
  }),
);
const report = { node: process.version, runs: results.length, ...summary };
if (json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`pcx sandbox start-up, ${results.length} runs, Node ${process.version}`);
  console.log(
    `  spawn → ready document:   median ${summary.readyMs.median} ms, max ${summary.readyMs.max} ms`,
  );
  console.log(
    `  spawn → first answer:     median ${summary.firstAnswerMs.median} ms, max ${summary.firstAnswerMs.max} ms`,
  );
  console.log(
    `  command start → ready:    median ${summary.commandReadyMs.median} ms, max ${summary.commandReadyMs.max} ms`,
  );
}
