// Importing @pcx/sdk must not load undici: edge runtimes import the SDK and
// pass fetchTransport(); on Node the default transport loads undici when a
// client is made. Checked on the built package, as users get it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const distCjs = fileURLToPath(new URL("../dist/index.cjs", import.meta.url));
const hooks = new URL("./fixtures/log-loads.mjs", import.meta.url).href;

/** Runs an ES module snippet with the load logger; answers the module URLs it resolved. */
function loadsOf(script: string): string[] {
  if (!existsSync(dist)) throw new Error(`No build at ${dist}; run: npx -y pnpm@10 build`);
  const run = spawnSync(
    process.execPath,
    [`--import=${hooks}`, "--input-type=module", "-e", script],
    { encoding: "utf8", timeout: 15_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  return run.stderr
    .split("\n")
    .filter((line) => line.startsWith("sdk-load "))
    .map((line) => line.slice("sdk-load ".length));
}

const undici = (urls: string[]) => urls.filter((url) => /\/undici\//.test(url));
const CREDENTIALS = `{ clientId: "c", clientSecret: "s-123456", apiKey: "k-123456" }`;

describe("importing @pcx/sdk", () => {
  it("loads no undici, as ESM or CommonJS", () => {
    const loaded = loadsOf(`await import(${JSON.stringify(dist)});`);
    expect(loaded.some((url) => url.endsWith("/dist/index.js"))).toBe(true); // the hook works
    expect(undici(loaded)).toEqual([]);

    const cjs = spawnSync(
      process.execPath,
      [
        "-e",
        `require(${JSON.stringify(distCjs)}); console.log(JSON.stringify(Object.keys(require.cache)));`,
      ],
      { encoding: "utf8", timeout: 15_000 },
    );
    const cached = JSON.parse(cjs.stdout) as string[];
    expect(cached.some((path) => path.endsWith("index.cjs"))).toBe(true);
    expect(cached.filter((path) => /[\\/]undici[\\/]/.test(path))).toEqual([]);
  });

  it("a client on fetchTransport() loads no undici; the default transport on Node does", () => {
    const edge = loadsOf(`
      const sdk = await import(${JSON.stringify(dist)});
      await sdk.createClient({ credentials: ${CREDENTIALS}, transport: sdk.fetchTransport() }).close();`);
    expect(undici(edge)).toEqual([]);

    const node = loadsOf(`
      const sdk = await import(${JSON.stringify(dist)});
      await sdk.createClient({ credentials: ${CREDENTIALS} }).close();`);
    expect(undici(node).length).toBeGreaterThan(0);
  });
});
