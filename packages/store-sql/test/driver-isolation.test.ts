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

// Spawning Node and loading the SDK takes a few seconds on a loaded 2-core
// machine; one process covers every entry, with this much room.
const SPAWN_TIMEOUT_MS = 30_000;

describe("drivers load only with their store (built package)", () => {
  it("the build exists", () => {
    expect(existsSync(`${dist}postgres.js`), "run `npx -y pnpm@10 build` first").toBe(true);
  });

  it(
    "importing an entry loads no driver; each store loads its own driver and never the other's",
    async () => {
      const url = testDatabaseUrl();
      const schema = randomSchemaName();
      const mark = (name: string) => `process._rawDebug("pcx-load mark:${name}");`;
      const run = loads(`
        await import("./index.js");
        const { createPostgresStore } = await import("./postgres.js");
        const { createSqliteStore } = await import("./sqlite.js");
        ${mark("imported")}
        ${url ? `const pgStore = await createPostgresStore({ connectionString: ${JSON.stringify(url)}, schema: "${schema}" }); await pgStore.close();` : ""}
        ${mark("postgres-opened")}
        const sqliteStore = await createSqliteStore({ filename: ":memory:" });
        await sqliteStore.close();
        console.log("ok");`);
      expect(run.stdout.trim(), run.stderr).toBe("ok");
      const imported = run.loaded.indexOf("mark:imported");
      const pgOpened = run.loaded.indexOf("mark:postgres-opened");
      expect(imported).toBeGreaterThan(0);
      const importing = run.loaded.slice(0, imported);
      // The hook works: it saw the three entries.
      for (const entry of ["index", "postgres", "sqlite"]) {
        expect(importing.some((u) => u.endsWith(`/dist/${entry}.js`))).toBe(true);
      }
      expect(usesDriver(importing, "pg")).toBe(false);
      expect(usesDriver(importing, "better-sqlite3")).toBe(false);
      // Opening the PostgreSQL store loads pg (with a database configured), never better-sqlite3.
      const opening = run.loaded.slice(imported, pgOpened);
      expect(usesDriver(opening, "better-sqlite3")).toBe(false);
      if (url) expect(usesDriver(opening, "pg")).toBe(true);
      // Opening the SQLite store loads better-sqlite3.
      expect(usesDriver(run.loaded.slice(pgOpened), "better-sqlite3")).toBe(true);
      if (url) await dropSchemas(url, [schema]);
    },
    SPAWN_TIMEOUT_MS,
  );
});
