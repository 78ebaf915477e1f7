// What the benchmarks share: the repository's built entry points, the median,
// a bounded pool of concurrent tasks, and a helper process that reports one
// JSON line when ready. Each benchmark stays one readable script; this keeps
// the plumbing in one place.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The built entry points the benchmarks load, by name (paths from the repository root). */
const ENTRIES = {
  sdk: "packages/sdk/dist/index.js",
  nodeAdapter: "packages/sdk/dist/callback/node.js",
  sandbox: "packages/sandbox/dist/index.js",
  sqlite: "packages/store-sql/dist/sqlite.js",
  postgres: "packages/store-sql/dist/postgres.js",
  cli: "packages/cli/dist/pcx.js",
};

/**
 * The file URLs of the named built entry points (sdk, nodeAdapter, sandbox,
 * sqlite, postgres, cli); when one is missing, says how to build and exits 2.
 * @param {...keyof typeof ENTRIES} names
 * @returns {Record<string, string>}
 */
export function built(...names) {
  const urls = {};
  for (const name of names) {
    const file = join(ROOT, ENTRIES[name]);
    if (!existsSync(file)) {
      console.error(`No build at ${file}; run: npx -y pnpm@10 build`);
      process.exit(2);
    }
    urls[name] = pathToFileURL(file).href;
  }
  return urls;
}

/**
 * A benchmark's command line: `--<name> N` for each of `numbers` (the value
 * is its default; null: unset unless given), `--json`, and the `text`
 * options, which take any string. An unknown option, or a number that is not
 * one (≥ 0), is named on stderr and exits 2.
 * @param {Record<string, number | null>} numbers
 * @param {string[]} [text]
 * @returns {Record<string, any>}
 */
export function benchArgs(numbers, text = []) {
  /** @type {import("node:util").ParseArgsConfig["options"]} */
  const options = { json: { type: "boolean", default: false } };
  for (const [name, value] of Object.entries(numbers)) {
    options[name] =
      value === null ? { type: "string" } : { type: "string", default: String(value) };
  }
  for (const name of text) options[name] = { type: "string" };
  let values;
  try {
    ({ values } = parseArgs({ options }));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const args = { ...values };
  for (const name of Object.keys(numbers)) {
    if (values[name] === undefined) continue;
    const n = Number(values[name]);
    if (values[name] === "" || !Number.isFinite(n) || n < 0) {
      console.error(`--${name} takes a number ≥ 0, not ${JSON.stringify(values[name])}`);
      process.exit(2);
    }
    args[name] = n;
  }
  return args;
}

/** This module's URL, for child scripts that import it. */
export const BENCH_KIT = import.meta.url;

/**
 * The definition of the integration a benchmark creates in the sandbox
 * (reports, view): `description` says what it measures.
 * @param {string} description
 * @param {{ name?: string, callbackUrl?: string }} [options]
 */
export function benchIntegration(description, options = {}) {
  return {
    name: options.name ?? "Bench Integration",
    description,
    links: {
      privacyPolicy: "https://bench.example/privacy",
      termsOfService: "https://bench.example/terms",
      support: "https://bench.example/support",
    },
    callbackUrl: options.callbackUrl ?? "https://bench.example/callback",
    technicalUser: {
      username: "bench-user",
      rights: [{ right: "reports", level: "view", purpose: "Reads reports for the benchmark." }],
    },
  };
}

/** The median of a list of numbers. @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Runs `task(i)` for every i < n, `limit` at a time.
 * @param {number} n @param {number} limit @param {(i: number) => Promise<unknown>} task
 */
export async function inPool(n, limit, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

/**
 * Runs `calls` calls of `fn`, `concurrency` at a time; returns the wall time
 * in ms and this process's CPU time (user + system) in µs per call.
 * @param {number} calls @param {number} concurrency @param {() => Promise<unknown>} fn
 */
export async function measureCalls(calls, concurrency, fn) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await inPool(calls, concurrency, fn);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuUsPerCall: (used.user + used.system) / calls };
}

/**
 * Starts `script` (an ES module's text) in a child Node process on its own
 * core. The child writes one JSON line when ready and exits when its stdin
 * ends; resolves with `{ child, ...thatLine }`.
 * @param {string} script
 */
export function startChildProcess(script) {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve({ child, ...JSON.parse(out.split("\n")[0]) });
    });
    child.once("exit", (code) => reject(new Error(`child process exited ${code}`)));
  });
}

/**
 * Starts the built sandbox (`sandboxUrl`, from built()) on a free port in a
 * child process; resolves with `{ child, url, apiBaseUrl, credentials }`.
 * Ending the child's stdin closes it.
 * @param {string} sandboxUrl
 */
export function startSandboxProcess(sandboxUrl) {
  return startChildProcess(`
    const { startSandbox } = await import(${JSON.stringify(sandboxUrl)});
    const s = await startSandbox({ port: 0 });
    process.stdout.write(JSON.stringify({ url: s.url, apiBaseUrl: s.apiBaseUrl, credentials: s.credentials }) + "\\n");
    process.stdin.resume();
    process.stdin.on("end", () => s.close().then(() => process.exit(0)));
  `);
}
