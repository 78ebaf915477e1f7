import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isPcxError } from "@pcx/sdk";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import { describeActivationStoreContract } from "@pcx/testkit/store-contract";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

// A fresh file per test; the second instance opens the same file with its own connection.
let dir = "";
let filename = "";
describeActivationStoreContract("SQLite (temp file, two connections)", {
  create: async () => {
    dir = mkdtempSync(join(tmpdir(), "pcx-sqlite-"));
    filename = join(dir, "pcx.db");
    return createSqliteStore({ filename });
  },
  createSecond: async () => createSqliteStore({ filename }),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});

describeActivationStoreContract("SQLite (:memory:)", {
  create: async () => createSqliteStore({ filename: ":memory:" }),
});

describe("createSqliteStore", () => {
  it("uses a caller's better-sqlite3 Database and leaves it open on close", async () => {
    const database = new Database(":memory:");
    const store = await createSqliteStore({ database });
    await store.acquireLease({ name: "x", holder: "a", ttlMs: 1, now: new Date(0) });
    await store.close();
    const row = database.prepare("select holder from pcx_leases where name = 'x'").get();
    expect(row).toEqual({ holder: "a" });
    database.close();
  });

  it("refuses options with neither or both of filename and database (pcx_config)", async () => {
    for (const options of [{}, { filename: ":memory:", database: new Database(":memory:") }]) {
      const error = await createSqliteStore(options).catch((e: unknown) => e);
      expect(isPcxError(error) && error.code).toBe("pcx_config");
      expect(String((error as Error).message)).toContain("filename or database");
    }
  });

  it('accepts synchronous "normal" for a file and refuses other values (pcx_config)', async () => {
    const dir = mkdtempSync(join(tmpdir(), "pcx-sync-"));
    try {
      const store = await createSqliteStore({ filename: join(dir, "n.db"), synchronous: "normal" });
      expect(await store.acquireLease({ name: "x", holder: "a", ttlMs: 1, now: new Date(0) })).toBe(
        true,
      );
      await store.close();
      const error = await createSqliteStore({
        filename: join(dir, "n.db"),
        synchronous: "off" as "normal",
      }).catch((e: unknown) => e);
      expect(isPcxError(error) && error.code).toBe("pcx_config");
      expect((error as Error).message).toContain("synchronous");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports a file it cannot open as pcx_store, with the cause", async () => {
    const error = await createSqliteStore({ filename: "/nonexistent-dir/pcx.db" }).catch(
      (e: unknown) => e,
    );
    expect(isPcxError(error) && error.code).toBe("pcx_store");
    expect((error as Error).message).toContain("open the database file /nonexistent-dir/pcx.db");
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it("a closed store refuses calls with pcx_store", async () => {
    const store = await createSqliteStore({ filename: ":memory:" });
    await store.close();
    const error = await store.getRequest(1).catch((e: unknown) => e);
    expect(isPcxError(error) && error.code).toBe("pcx_store");
    expect((error as Error).message).toContain("closed");
  });
});
