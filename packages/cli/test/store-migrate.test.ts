import { join } from "node:path";
import { SCHEMA_VERSION } from "@pcx/store-sql";
import { CLEAN_PCX_ENV, runCli, tempDir } from "@pcx/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../src/cli.js";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function pcx(args: string[], env: NodeJS.ProcessEnv = {}) {
  const config = tempDir();
  cleanups.push(config.cleanup);
  return runCli(run, args, {
    env: { ...CLEAN_PCX_ENV, PCX_STORE: "", PCX_CONFIG_DIR: config.dir, ...env },
    cwd: config.dir,
  });
}

describe("pcx store migrate", () => {
  it("brings a new SQLite store to the current schema, then has nothing to apply", async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const url = `sqlite:${join(dir.dir, "pcx.db")}`;
    const first = await pcx(["store", "migrate", "--store", url, "--json"]);
    expect(first.code).toBe(0);
    const document = JSON.parse(first.stdout);
    expect(document).toMatchObject({ store: url, from: 0, to: SCHEMA_VERSION });
    expect(document.applied.length).toBeGreaterThan(0);
    const again = await pcx(["store", "migrate"], { PCX_STORE: url });
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(
      `Store ${url} is at schema version ${SCHEMA_VERSION}; nothing to apply.`,
    );
  });

  it("prints what it applied, hides a password in the URL, and names the missing store", async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const url = `sqlite:${join(dir.dir, "new.db")}`;
    const human = await pcx(["store", "migrate", "--store", url]);
    expect(human.stdout).toMatch(
      new RegExp(
        `^Store ${url} migrated from schema version 0 to ${SCHEMA_VERSION}; applied: .+\\.\\n$`,
      ),
    );
    const none = await pcx(["store", "migrate"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/pcx store migrate needs a store/);
    expect(none.stderr).toMatch(/PCX_STORE/);
    const bad = await pcx([
      "store",
      "migrate",
      "--store",
      "mysql://root:hunter2-secret@db/pcx",
      "--json",
    ]);
    expect(bad.code).toBe(4);
    expect(bad.stdout).not.toContain("hunter2-secret");
    expect(JSON.parse(bad.stdout).error.code).toBe("pcx_config");
  });
});
