import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isPcxError, type PcxError } from "@pcx/sdk";
import { migrate, openStore, SCHEMA_VERSION } from "@pcx/store-sql";
import { createPostgresStore, migratePostgresStore } from "@pcx/store-sql/postgres";
import { createSqliteStore, migrateSqliteStore } from "@pcx/store-sql/sqlite";
import { describePostgres } from "@pcx/testkit";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { dropSchemas, queryOnce, randomSchemaName } from "./postgres-schema.js";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => {
      if (!isPcxError(error)) throw error;
      return error as PcxError;
    },
  );

function expectNewerRefusal(error: PcxError, found: number) {
  expect(error.code).toBe("pcx_store_version");
  expect(error.message).toContain(
    `version ${found}, newer than this pcx knows (version ${SCHEMA_VERSION})`,
  );
  expect(error.hint).toContain("Upgrade pcx");
}

describe("SQLite migrations and the version check", () => {
  let dir = "";
  let filename = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pcx-migrate-"));
    filename = join(dir, "pcx.db");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("migrate() applies the pending migrations once and reports them", async () => {
    expect(await migrateSqliteStore({ filename })).toEqual({
      from: 0,
      to: SCHEMA_VERSION,
      applied: ["0001_initial"],
    });
    expect(await migrateSqliteStore({ filename })).toEqual({
      from: SCHEMA_VERSION,
      to: SCHEMA_VERSION,
      applied: [],
    });
  });

  it("with migrate: false an unmigrated database is refused, naming the versions", async () => {
    const error = await failure(createSqliteStore({ filename, migrate: false }));
    expect(error.code).toBe("pcx_store_version");
    expect(error.message).toContain(`version 0; this pcx needs version ${SCHEMA_VERSION}`);
    await migrateSqliteStore({ filename });
    const store = await createSqliteStore({ filename, migrate: false });
    await store.close();
  });

  it("refuses a database migrated by a newer pcx, on open and on migrate", async () => {
    await migrateSqliteStore({ filename });
    const db = new Database(filename);
    db.prepare("insert into pcx_migrations (name, timestamp) values (?, ?)").run(
      "0002_from_the_future",
      new Date().toISOString(),
    );
    db.close();
    expectNewerRefusal(await failure(createSqliteStore({ filename })), 2);
    expectNewerRefusal(await failure(migrateSqliteStore({ filename })), 2);
    expectNewerRefusal(await failure(migrate({ url: `sqlite:${filename}` })), 2);
  });

  it("refuses a migration table holding a migration pcx does not know", async () => {
    await migrateSqliteStore({ filename });
    const db = new Database(filename);
    db.prepare("insert into pcx_migrations (name, timestamp) values ('hand_made', 'x')").run();
    db.close();
    const error = await failure(createSqliteStore({ filename }));
    expect(error.code).toBe("pcx_store_version");
    expect(error.message).toContain('"hand_made"');
  });
});

describe("store URLs (@pcx/store-sql)", () => {
  it("opens and migrates SQLite from sqlite: URLs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pcx-url-"));
    try {
      const url = `sqlite://${join(dir, "pcx.db")}`;
      expect((await migrate({ url })).applied).toEqual(["0001_initial"]);
      const store = await openStore({ url, migrate: false });
      await store.saveRequest({
        requestId: 1,
        integrationId: 2,
        integrationVersion: 1,
        kind: "ACTIVATION",
        ref: null,
        stateNonce: null,
        companyIds: [3],
        expiresAt: new Date(10),
        seenAt: new Date(1),
      });
      await store.close();
      const again = await openStore({ url: `sqlite:${join(dir, "pcx.db")}` });
      expect((await again.getRequest(1))?.companyIds).toEqual([3]);
      await again.close();
      const memory = await openStore({ url: "sqlite::memory:" });
      expect(await memory.listActivations()).toEqual([]);
      await memory.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an unknown URL with pcx_config, hiding its password", async () => {
    for (const url of ["mysql://root:hunter2@db/pcx", "sqlite:", "", "./pcx.db"]) {
      const error = await failure(openStore({ url }));
      expect(error.code).toBe("pcx_config");
      expect(error.hint).toContain("postgres://");
      expect(JSON.stringify(error)).not.toContain("hunter2");
    }
  });
});

describe("store URL parsing (property)", () => {
  it("anything that is not a postgres:// or sqlite: URL is pcx_config, its password never echoed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ unit: "grapheme-ascii", maxLength: 40 })
          .filter((s) => !/^(postgres(ql)?:\/\/|sqlite:)/i.test(s)),
        fc.stringMatching(/^[A-Za-z0-9]{6,12}$/),
        async (text, password) => {
          for (const url of [text, `mysql://user:${password}@${text}`]) {
            const error = await failure(openStore({ url }));
            expect(error.code).toBe("pcx_config");
            expect(JSON.stringify(error)).not.toContain(`:${password}@`);
          }
        },
      ),
      { numRuns: 100, interruptAfterTimeLimit: 2_000 },
    );
  });
});

describePostgres("PostgreSQL migrations and the version check", (url) => {
  const schemas: string[] = [];
  afterAll(() => dropSchemas(url, schemas));
  const fresh = () => {
    const schema = randomSchemaName();
    schemas.push(schema);
    return schema;
  };

  it("migrate() applies once, then reports nothing to do", async () => {
    const schema = fresh();
    expect(await migratePostgresStore({ connectionString: url, schema })).toEqual({
      from: 0,
      to: SCHEMA_VERSION,
      applied: ["0001_initial"],
    });
    expect((await migrate({ url, schema })).applied).toEqual([]);
  });

  it("two instances opening an empty schema at once migrate it once", async () => {
    const schema = fresh();
    const stores = await Promise.all([
      createPostgresStore({ connectionString: url, schema, maxConnections: 2 }),
      createPostgresStore({ connectionString: url, schema, maxConnections: 2 }),
    ]);
    for (const store of stores) await store.close();
    expect(await queryOnce(url, `select name from "${schema}".pcx_migrations`)).toEqual([
      { name: "0001_initial" },
    ]);
  });

  it("refuses a schema migrated by a newer pcx, and an unmigrated one with migrate: false", async () => {
    const schema = fresh();
    expect(
      (await failure(createPostgresStore({ connectionString: url, schema, migrate: false }))).code,
    ).toBe("pcx_store_version");
    await migratePostgresStore({ connectionString: url, schema });
    await queryOnce(
      url,
      `insert into "${schema}".pcx_migrations (name, timestamp) values ('0003_later', 'x')`,
    );
    expectNewerRefusal(await failure(createPostgresStore({ connectionString: url, schema })), 3);
    expectNewerRefusal(await failure(openStore({ url, schema })), 3);
  });
});
