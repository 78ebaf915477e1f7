import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { testDatabaseUrl } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { dropSchemas, randomSchemaName } from "./postgres-schema.js";

// Runs the BUILT package (like a backend would), so build first:
// `npx -y pnpm@10 build`. Each case imports one entry in a fresh Node and
// lists the modules it resolved.
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const hooks = new URL("./fixtures/log-loads.mjs", import.meta.url).href;

function loads(script: string): {
  loaded: string[];
  stdout: string;
  stderr: string;
  status: number | null;
} {
  const run = spawnSync(
    process.execPath,
    [`--import=${hooks}`, "--input-type=module", "-e", script],
    { cwd: dist, encoding: "utf8", env: { ...process.env, NODE_ENV: "test" }, timeout: 15_000 },
  );
  const loaded = run.stderr
    .split("\n")
    .filter((line) => line.startsWith("pcx-load "))
    .map((line) => line.slice("pcx-load ".length));
  return { loaded, stdout: run.stdout, stderr: run.stderr, status: run.status };
}

const usesDriver = (loaded: string[], name: string) =>
  loaded.some((url) => url.includes(`/node_modules/${name}/`) || url === name);

describe("drivers load only with their store (built package)", () => {
  it("the build exists", () => {
    expect(existsSync(`${dist}postgres.js`), "run `npx -y pnpm@10 build` first").toBe(true);
  });

  it("the SQLite store loads better-sqlite3 and never pg", () => {
    const run = loads(`
      const { createSqliteStore } = await import("./sqlite.js");
      const store = await createSqliteStore({ filename: ":memory:" });
      await store.close();
      console.log("ok");`);
    expect(run.stdout.trim(), run.stderr).toBe("ok");
    expect(usesDriver(run.loaded, "better-sqlite3")).toBe(true);
    expect(usesDriver(run.loaded, "pg")).toBe(false);
  });

  it("the URL and PostgreSQL entries load no driver on import; a PostgreSQL store loads pg, never better-sqlite3", async () => {
    const url = testDatabaseUrl();
    const schema = randomSchemaName();
    const mark = (name: string) => `process._rawDebug("pcx-load mark:${name}");`;
    const run = loads(`
      await import("./index.js");
      const { createPostgresStore } = await import("./postgres.js");
      ${mark("imported")}
      ${url ? `const store = await createPostgresStore({ connectionString: ${JSON.stringify(url)}, schema: "${schema}" }); await store.close();` : ""}
      console.log("ok");`);
    expect(run.stdout.trim(), run.stderr).toBe("ok");
    const imported = run.loaded.indexOf("mark:imported");
    expect(imported).toBeGreaterThan(0);
    expect(run.loaded.slice(0, imported).some((u) => u.endsWith("/dist/postgres.js"))).toBe(true);
    expect(usesDriver(run.loaded.slice(0, imported), "pg")).toBe(false);
    expect(usesDriver(run.loaded, "better-sqlite3")).toBe(false);
    // With a database configured, opening the store really loads pg.
    if (url) {
      expect(usesDriver(run.loaded.slice(imported), "pg")).toBe(true);
      await dropSchemas(url, [schema]);
    }
  });
});
