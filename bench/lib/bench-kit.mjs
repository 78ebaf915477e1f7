// What the benchmarks share: the repository's built entry points, the median,
// a bounded pool of concurrent tasks, and a helper process that reports one
// JSON line when ready. Each benchmark stays one readable script; this keeps
// the plumbing in one place.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Resolves built files (paths from the repository root) to file URLs; when
 * one is missing, says how to build and exits 2.
 * @param {Record<string, string>} files
 * @returns {Record<string, string>}
 */
export function built(files) {
  const urls = {};
  for (const [name, relative] of Object.entries(files)) {
    const file = join(ROOT, relative);
    if (!existsSync(file)) {
      console.error(`No build at ${file}; run: npx -y pnpm@10 build`);
      process.exit(2);
    }
    urls[name] = pathToFileURL(file).href;
  }
  return urls;
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
