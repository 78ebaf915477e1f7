#!/usr/bin/env node
// Start-up time of the built `pcx` bin against a bare `node -e 0`.
//
//   npx -y pnpm@10 --filter @pcx/cli build && node bench/cli-startup.mjs [--runs 40] [--warmup 5] [--json]
//
// Each round runs every command once, in turn (interleaved), so that load on
// the shared machine hits all of them alike; the figures are medians of wall
// time per command, and the ratios are what to compare across machines.
// Results are recorded in docs/benchmarks.md. Goals: `--version` ≤ 1.2× and
// `--help` ≤ 1.5× `node -e 0`.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchArgs, built, median, ROOT } from "./lib/bench-kit.mjs";

const bin = fileURLToPath(built("cli").cli);
const { runs, warmup, json } = benchArgs({ runs: 40, warmup: 5 });

const commands = [
  { name: "node -e 0", args: ["-e", "0"], baseline: true },
  { name: "pcx --version", args: [bin, "--version"] },
  { name: "pcx --help", args: [bin, "--help"] },
];
const example = join(ROOT, "examples/pcx.integration.yaml");
if (existsSync(example)) {
  // Not a start-up goal: a real command, loading zod, yaml and the SDK, for scale.
  commands.push({
    name: "pcx validate (example)",
    args: [bin, "validate", example],
    reference: true,
  });
}

function once(command) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, command.args, {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !(command.reference && result.status === 1)) {
    throw new Error(`${command.name} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

const samples = new Map(commands.map((c) => [c.name, []]));
for (let round = 0; round < warmup + runs; round++) {
  for (const command of commands) {
    const ms = once(command);
    if (round >= warmup) samples.get(command.name).push(ms);
  }
}

const baseline = median(samples.get("node -e 0"));
const rows = commands.map((c) => {
  const xs = samples.get(c.name);
  const med = median(xs);
  return {
    command: c.name,
    medianMs: Number(med.toFixed(1)),
    minMs: Number(Math.min(...xs).toFixed(1)),
    ratio: Number((med / baseline).toFixed(2)),
  };
});

if (json) {
  console.log(JSON.stringify({ node: process.version, runs, warmup, rows }, null, 2));
} else {
  console.log(`node ${process.version}, ${runs} interleaved runs after ${warmup} warm-up rounds\n`);
  console.log("| command | median ms | min ms | × node -e 0 |");
  console.log("|---|---:|---:|---:|");
  for (const r of rows) {
    console.log(`| \`${r.command}\` | ${r.medianMs} | ${r.minMs} | ${r.ratio.toFixed(2)} |`);
  }
  const goals = [
    { suffix: "--version", max: 1.2 },
    { suffix: "--help", max: 1.5 },
  ];
  console.log("");
  for (const { suffix, max } of goals) {
    const row = rows.find((r) => r.command.endsWith(suffix));
    if (!row) continue;
    console.log(
      `Goal ≤ ${max.toFixed(2)}× for ${suffix}: ${row.ratio <= max ? "met" : "NOT met"} (${row.ratio.toFixed(2)}×)`,
    );
  }
}
