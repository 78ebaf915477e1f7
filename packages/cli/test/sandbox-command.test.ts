import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { CLEAN_PCX_ENV, tempDir } from "@pcx/testkit";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, BIN } from "./spawn-pcx.js";

beforeAll(assertBuilt);

interface Started {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcessWithoutNullStreams[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function startPcx(args: string[]): Started {
  const config = tempDir();
  cleanups.push(config.cleanup);
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...CLEAN_PCX_ENV, NO_COLOR: "1", CI: "", PCX_CONFIG_DIR: config.dir },
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (c: string) => {
    out += c;
  });
  child.stderr.setEncoding("utf8").on("data", (c: string) => {
    err += c;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Resolves with the first match of `pattern` in stdout, or fails after `ms`. */
async function waitFor(started: Started, pattern: RegExp, ms = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = started.stdout().match(pattern);
    if (match) return match;
    if (Date.now() > deadline || started.child.exitCode !== null) {
      throw new Error(`no ${pattern} in stdout: ${started.stdout()}\nstderr: ${started.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("pcx sandbox", () => {
  it("prints its URLs and the demo credentials when ready, serves the API, and stops cleanly on SIGINT", async () => {
    const spawnedAt = performance.now();
    const started = startPcx(["sandbox", "--port", "0", "--seed", "7"]);
    const [, url] = await waitFor(started, /Procountor sandbox ready at (http:\/\/\S+) /);
    const readyMs = performance.now() - spawnedAt;
    // The goal is 2 s; the margin keeps a loaded CI machine from failing the test.
    expect(readyMs).toBeLessThan(5_000);
    await waitFor(started, /Stop with Ctrl\+C/);
    const text = started.stdout();
    expect(text).toContain(`API base:        ${url}/api`);
    expect(text).toContain(`Customer pages:  ${url}/`);
    expect(text).toContain("pcx-sandbox-secret");
    expect(text).toContain(`--profile sandbox --base-url ${url}/api`);

    const token = await fetch(`${url}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=pcx-sandbox&client_secret=pcx-sandbox-secret&api_key=pcx-sandbox-api-key",
    });
    expect(token.status).toBe(200);

    started.child.kill("SIGINT");
    expect(await started.exit).toEqual({ code: 0, signal: null });
    expect(started.stdout()).toContain("Sandbox stopped (SIGINT).");
    await expect(fetch(`${url}/sandbox/health`)).rejects.toThrow();
  });

  it("--json: one document with url, apiBaseUrl and credentials when ready; SIGTERM exits 0", async () => {
    const started = startPcx(["sandbox", "--port", "0", "--json", "--chaos", "0.1"]);
    await waitFor(started, /^\}$/m);
    const doc = JSON.parse(started.stdout());
    expect(doc).toMatchObject({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      apiBaseUrl: `${doc.url}/api`,
      pagesUrl: `${doc.url}/`,
      credentials: {
        clientId: "pcx-sandbox",
        clientSecret: "pcx-sandbox-secret",
        apiKey: "pcx-sandbox-api-key",
      },
      options: { chaos: 0.1 },
    });
    const health = await fetch(`${doc.url}/sandbox/health`);
    expect(await health.json()).toEqual({ ok: true });
    started.child.kill("SIGTERM");
    expect((await started.exit).code).toBe(0);
    // Still exactly one JSON document on stdout.
    expect(JSON.parse(started.stdout())).toEqual(doc);
  });

  it("bad flags and a busy port are usage errors (2)", async () => {
    const chaos = startPcx(["sandbox", "--port", "0", "--chaos", "2"]);
    expect((await chaos.exit).code).toBe(2);
    expect(chaos.stderr()).toContain("--chaos must be a share between 0 and 1");
    const ttl = startPcx(["sandbox", "--port", "0", "--ttl", "forever"]);
    expect((await ttl.exit).code).toBe(2);

    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const clash = startPcx(["sandbox", "--port", String(port)]);
      expect((await clash.exit).code).toBe(2);
      expect(clash.stderr()).toContain(`Port ${port} is in use`);
    } finally {
      busy.close();
    }
  });
});
