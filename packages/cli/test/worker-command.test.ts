// pcx worker: the built bin against the in-process sandbox (SIGTERM ends it
// cleanly with a summary line), and in process for --once, CommonJS hooks
// and the errors it names.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningSandbox, startSandbox } from "@pcx/sandbox";
import { createKeyring, generateKeyringKey } from "@pcx/sdk";
import { openStore } from "@pcx/store-sql";
import {
  approvedAcmeIntegration,
  runCli,
  signTestState,
  startAsNewCustomer,
  tempDir,
} from "@pcx/testkit";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { run } from "../src/cli.js";
import { keyringFromEnv } from "../src/requests/decision-store.js";
import { assertBuilt, BIN } from "./spawn-pcx.js";
import { workerEnv } from "./worker-env.js";

beforeAll(assertBuilt);

const KEY = generateKeyringKey();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ESM_HOOKS = `import { appendFileSync } from "node:fs";
export function onActivationRequest(request, ctx) {
  if (ctx.via !== "reconciler" || ctx.httpRequest !== null) throw new Error("not the reconciler");
  return request.environments.map((env) =>
    env.companyId % 3 === 0
      ? { companyId: env.companyId, action: "reject", reason: "No contract for " + ctx.ref }
      : { companyId: env.companyId, action: "approve" });
}
export function onDecided(result) {
  // The backend's own keeping of the keys; the test greps the output for them.
  for (const c of result.credentials) appendFileSync(new URL("./keys.txt", import.meta.url), c.apiKey + "\\n");
}
`;

const CJS_HOOKS = `module.exports = {
  onActivationRequest: (request, ctx) => ctx.approveAll(),
  onStatusChange: (change) => { require("node:fs").appendFileSync(__dirname + "/changes.txt", change.companyId + ":" + change.status + "\\n"); },
};
`;

async function world() {
  const sandbox: RunningSandbox = await startSandbox({ port: 0 });
  cleanups.push(() => sandbox.close());
  const integrationId = approvedAcmeIntegration(sandbox);
  const work = tempDir({ "hooks.mjs": ESM_HOOKS, "hooks.cjs": CJS_HOOKS });
  const config = tempDir();
  cleanups.push(work.cleanup, config.cleanup);
  const env = workerEnv({ sandbox, integrationId, configDir: config.dir, keyringKey: KEY });
  const request = async (ref: string) =>
    startAsNewCustomer(sandbox, integrationId, { state: await signTestState(integrationId, ref) });
  return {
    sandbox,
    integrationId,
    dir: work.dir,
    env,
    request,
    storeUrl: `sqlite:${join(work.dir, "pcx.db")}`,
  };
}

/** Runs pcx in this process (the sandbox keeps serving), collecting its output. */
function pcxInProcess(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  return runCli(run, args, { env, cwd });
}

describe("pcx worker (the built bin)", () => {
  it("decides the requests whose callback never came, prints one JSON event per line, and stops on SIGTERM with exit 0 and a summary", async () => {
    const w = await world();
    const first = await w.request("acme-customer-1");
    const second = await w.request("acme-customer-2");
    const child: ChildProcessWithoutNullStreams = spawn(
      process.execPath,
      [
        BIN,
        "worker",
        "--hooks",
        "hooks.mjs",
        "--store",
        w.storeUrl,
        "--json",
        "--grace",
        "0s",
        "--interval",
        "1s",
      ],
      { cwd: w.dir, env: { ...process.env, ...w.env } },
    );
    cleanups.push(() => child.exitCode === null && child.kill("SIGKILL"));
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
    });
    const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on("close", (code, signal) => resolve({ code, signal })),
    );
    const deadline = Date.now() + 30_000;
    while ((stdout.match(/"event":"request.decided"/g) ?? []).length < 2) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`no decisions:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    child.kill("SIGTERM");
    expect(await exit).toEqual({ code: 0, signal: null });

    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ event: "reconciler.started", level: "info" });
    const last = lines.at(-1);
    expect(last).toMatchObject({
      event: "worker.stopped",
      stoppedBy: "SIGTERM",
      totals: { decided: 2 },
    });
    expect(last.message).toMatch(/^pcx worker stopped \(SIGTERM\): \d+ sweeps?, 2 decided/);
    expect(
      lines
        .filter((l) => l.event === "request.decided")
        .map((l) => l.requestId)
        .sort(),
    ).toEqual([first.id, second.id].sort());
    expect(stderr).toContain(`store sqlite:${join(w.dir, "pcx.db")} (from --store)`);

    // Procountor has the hook's decisions; the store has them sealed.
    const audit = w.sandbox.engine
      .dumpState()
      .audit.filter((r) => r.kind === "environment.decided");
    expect(audit).toHaveLength(6);
    const keys = readFileSync(join(w.dir, "keys.txt"), "utf8").trim().split("\n");
    expect(keys).toHaveLength(audit.filter((r) => r.detail?.decision === "APPROVED").length);
    const store = await openStore({ url: w.storeUrl });
    cleanups.push(() => store.close());
    const keyring = createKeyring({ keys: [{ id: "k1", key: KEY }] });
    const activations = await store.listActivations({ integrationId: w.integrationId });
    const opened = await Promise.all(
      activations.filter((a) => a.sealedApiKey).map((a) => keyring.open(a.sealedApiKey as string)),
    );
    expect(opened.sort()).toEqual([...keys].sort());
    // No key, nor any 8 characters of one, in the worker's output.
    for (const key of keys) {
      for (let i = 0; i + 8 <= key.length; i++) {
        const fragment = key.slice(i, i + 8);
        if (fragment.startsWith("pcxs_key")) continue; // the sandbox's fixed prefix, not secret
        expect(stdout).not.toContain(fragment);
        expect(stderr).not.toContain(fragment);
      }
    }
    // Starting Node and loading the worker's modules takes ~3 s on a loaded 2-core
    // machine (≈10 s for this test at load 15); the quarter-of-timeout rule wants room.
  }, 60_000);
});

describe("pcx worker (in process)", () => {
  it("runs one sweep with --once and CommonJS hooks, syncing activation status, with a human summary", async () => {
    const w = await world();
    const request = await w.request("acme-customer-3");
    const result = await pcxInProcess(
      ["worker", "--hooks", "hooks.cjs", "--store", w.storeUrl, "--once", "--grace", "0s"],
      w.env,
      w.dir,
    );
    expect(result.stderr).toContain("one sweep");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`pcx reconciler decided activation request ${request.id}`);
    expect(result.stdout.trim().split("\n").at(-1)).toBe(
      "pcx worker stopped (once): 1 sweep, 1 decided, 0 deferred, 0 refused, 0 failed, 0 repaired, 1 status change",
    );
    // The fixture environment 1003, activated outside pcx, was synced into the store.
    expect(readFileSync(join(w.dir, "changes.txt"), "utf8")).toBe("1003:ACTIVE\n");
    expect(w.sandbox.engine.getRequest(request.id).status).toBe("COMPLETED");
  });

  it("names what is missing: the hooks, PCX_KEYRING, the store, the state secret", async () => {
    const w = await world();
    writeFileSync(join(w.dir, "empty.mjs"), "export const nothing = 1;\n");
    const args = (extra: string[]) => ["worker", "--store", w.storeUrl, "--once", ...extra];
    const noHooks = await pcxInProcess(["worker", "--once"], w.env, w.dir);
    expect(noHooks.code).toBe(2);
    expect(noHooks.stderr).toMatch(/--hooks/);
    const missing = await pcxInProcess(args(["--hooks", "nope.mjs"]), w.env, w.dir);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/no such file/)]);
    const empty = await pcxInProcess(args(["--hooks", "empty.mjs"]), w.env, w.dir);
    expect([empty.code, empty.stderr]).toEqual([
      2,
      expect.stringMatching(/exports no onActivationRequest/),
    ]);
    const noKeyring = await pcxInProcess(
      args(["--hooks", "hooks.mjs"]),
      { ...w.env, PCX_KEYRING: "" },
      w.dir,
    );
    expect([noKeyring.code, noKeyring.stderr]).toEqual([
      4,
      expect.stringMatching(/PCX_KEYRING is not set/),
    ]);
    const noStore = await pcxInProcess(["worker", "--hooks", "hooks.mjs", "--once"], w.env, w.dir);
    expect([noStore.code, noStore.stderr]).toEqual([2, expect.stringMatching(/needs a store/)]);
    const noSecret = await pcxInProcess(
      args(["--hooks", "hooks.mjs", "--json"]),
      { ...w.env, PCX_STATE_SECRET: "", PCX_STATE_KEY_ID: "" },
      w.dir,
    );
    expect(noSecret.code).toBe(4);
    expect(JSON.parse(noSecret.stdout).error.message).toMatch(
      /secret your activation links are signed with/,
    );
  });
});

describe("PCX_KEYRING", () => {
  it("reads id:base64 entries (the last seals) and refuses anything else naming the variable, never echoing it", () => {
    const good = keyringFromEnv({ PCX_KEYRING: `old:${generateKeyringKey()}, new:${KEY}` });
    expect(good?.keyIds).toEqual(["old", "new"]);
    expect(good?.currentKeyId).toBe("new");
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          keyringFromEnv({ PCX_KEYRING: text });
        } catch (error) {
          const message = (error as Error).message;
          expect((error as { code?: string }).code).toBe("pcx_config");
          expect(message).toMatch(/PCX_KEYRING/);
          const secretPart = text
            .split(",")
            .map((entry) => entry.slice(entry.indexOf(":") + 1).trim());
          for (const part of secretPart) if (part.length >= 8) expect(message).not.toContain(part);
        }
      }),
      { numRuns: 300 },
    );
  });
});
