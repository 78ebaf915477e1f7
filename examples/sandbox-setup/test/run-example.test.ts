// The one command's failures: a plain "error: …" line, exit code 1, nothing
// started and no temp directory left behind.
import { readdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { afterEach, expect, it } from "vitest";
import { runExample } from "../src/index.js";

const exitCode = process.exitCode;
afterEach(() => {
  process.exitCode = exitCode;
});

async function closedPort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => probe.once("listening", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/** The temp directories of the default store file (one per run, removed on failure and stop). */
const tempDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith("pcx-test-backend-"));

async function run(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  let started = 0;
  const result = await runExample({
    name: "test-backend",
    title: "Test backend",
    defaultPort: 3999,
    definitionFile: new URL("../../express-backend/pcx.integration.yaml", import.meta.url),
    startBackend: async () => {
      started++;
      throw new Error("not reached");
    },
    env,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { result, out, err, started, exitCode: process.exitCode };
}

it("says to start a sandbox when none answers, and exits 1", async () => {
  const baseUrl = `http://127.0.0.1:${await closedPort()}/api`;
  const before = tempDirs();
  const run1 = await run({ PCX_BASE_URL: baseUrl, PORT: "0" });
  expect(run1).toMatchObject({ result: undefined, out: [], started: 0, exitCode: 1 });
  expect(run1.err).toEqual([
    `error: No Procountor sandbox answers at ${baseUrl}. Start one in another terminal: npx -y pnpm@10 pcx sandbox`,
  ]);
  expect(tempDirs()).toEqual(before);
});

it("names a malformed setting and starts nothing", async () => {
  const run2 = await run({ PORT: "http" });
  expect(run2).toMatchObject({ result: undefined, out: [], started: 0, exitCode: 1 });
  expect(run2.err).toEqual(['error: PORT must be a whole number 0–65535, got "http".']);
});
