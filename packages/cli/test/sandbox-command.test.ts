import { createServer, type Server } from "node:net";
import { tempDir } from "@pcx/testkit";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { pcx, tempDirPerTest } from "./pcx-harness.js";
import { assertBuilt, type StartedPcx, startPcx } from "./spawn-pcx.js";

const dirWith = tempDirPerTest();
const sigintListeners = process.listenerCount("SIGINT");

beforeAll(assertBuilt);

const running: StartedPcx[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const { child } of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** `pcx sandbox …` in a child process with its own config directory. */
function startSandbox(args: string[]): StartedPcx {
  const config = tempDir();
  cleanups.push(config.cleanup);
  const child = startPcx(args, { env: { PCX_CONFIG_DIR: config.dir } });
  running.push(child);
  return child;
}

describe("pcx sandbox", () => {
  it("prints its URLs and the demo credentials when ready, serves the API, and stops cleanly on SIGINT", async () => {
    const spawnedAt = performance.now();
    const started = startSandbox(["sandbox", "--port", "0", "--seed", "7"]);
    const [, url] = await started.waitFor(/Procountor sandbox ready at (http:\/\/\S+) /);
    const readyMs = performance.now() - spawnedAt;
    // The goal is 2 s; the margin keeps a loaded CI machine from failing the test.
    expect(readyMs).toBeLessThan(5_000);
    await started.waitFor(/Stop with Ctrl\+C/);
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
    const started = startSandbox(["sandbox", "--port", "0", "--json", "--chaos", "0.1"]);
    await started.waitFor(/^\}$/m);
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

  it("bad flags and a busy port are usage errors (2), in process", async () => {
    const cwd = dirWith();
    const chaos = await pcx(["sandbox", "--port", "0", "--chaos", "2"], { cwd });
    expect(chaos.code).toBe(2);
    expect(chaos.stderr).toContain("--chaos must be a share between 0 and 1");
    expect((await pcx(["sandbox", "--port", "0", "--ttl", "forever"], { cwd })).code).toBe(2);

    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const clash = await pcx(["sandbox", "--port", String(port)], { cwd });
      expect(clash.code).toBe(2);
      expect(clash.stderr).toContain(`Port ${port} is in use`);
    } finally {
      busy.close();
    }
    // A failed start leaves no signal handler in this process.
    expect(process.listenerCount("SIGINT")).toBe(sigintListeners);
  });
});
