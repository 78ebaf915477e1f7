import { readFileSync } from "node:fs";
import type { CliWorld } from "@pcx/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionYaml } from "./definition-files.js";
import { createWorld } from "./pcx-harness.js";
import { assertBuilt, spawnPcx } from "./spawn-pcx.js";

/**
 * Smoke tests of the BUILT bin in child processes: what only a real process
 * shows (start-up, the module graph it loads, the exit code the process
 * ends with, a trace on a real stderr). Every behaviour is tested in process
 * in the other files; these check that the bin is that same CLI.
 */

const { version } = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
) as { version: string };

let world: CliWorld;
beforeAll(async () => {
  assertBuilt();
  world = await createWorld({}, { "pcx.integration.yaml": definitionYaml() });
});
afterAll(() => world?.close());

describe("the built pcx bin", () => {
  it("--version prints the package version and nothing else", async () => {
    const run = await spawnPcx(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
    expect(run.stderr).toBe("");
    expect((await spawnPcx(["-V"])).stdout).toBe(`${version}\n`);
  });

  it("--version and --help load nothing from node_modules (commander is bundled) and no command chunk", async () => {
    const hooks = new URL("./fixtures/log-loads.mjs", import.meta.url).href;
    for (const flag of ["--version", "--help"]) {
      const run = await spawnPcx([flag], { nodeOptions: [`--import=${hooks}`] });
      expect(run.code).toBe(0);
      const loaded = run.stderr.split("\n").filter((line) => line.startsWith("pcx-load "));
      // The hook works: it saw the bin itself.
      expect(loaded.some((line) => line.includes("/dist/pcx.js"))).toBe(true);
      expect(loaded.filter((line) => line.includes("/node_modules/"))).toEqual([]);
      // Only the entry, the cli chunk and shared chunks: no command's chunk.
      const chunks = loaded
        .filter((line) => line.includes("/dist/"))
        .map((line) => line.replace(/.*\/dist\//, ""));
      expect(chunks.filter((c) => !/^(pcx|cli-[\w-]+|chunk-[\w-]+)\.js$/.test(c))).toEqual([]);
    }
  });

  it("exits with the run's code: 0 for a bare pcx (help), 2 for an unknown command", async () => {
    const bare = await spawnPcx([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^Usage: pcx /);
    const unknown = await spawnPcx(["valdate", "--json"]);
    expect(unknown.code).toBe(2);
    expect(unknown.json()).toMatchObject({
      error: { code: "pcx_usage", message: expect.stringContaining("validate") },
    });
  });

  it("--verbose traces HTTP on a real stderr, with no secret in any output", async () => {
    const traced = await spawnPcx(["define", "--yes", "--verbose", "--json"], {
      cwd: world.workDir,
      env: world.env,
    });
    expect(traced.code, traced.stderr).toBe(0);
    expect(traced.stderr).toMatch(/→ POST http:\/\/127\.0\.0\.1:\d+\/api\/oauth\/token/);
    expect(traced.stderr).toContain("access token received");
    const all = traced.stdout + traced.stderr;
    for (const value of ["pcx-sandbox-secret", "pcx-sandbox-api-key"]) {
      expect(all).not.toContain(value);
    }
    expect(all).not.toMatch(/pcxs_at/);
  });
});
