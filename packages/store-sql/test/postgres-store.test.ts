import { isPcxError } from "@pcx/sdk";
import { createPostgresStore } from "@pcx/store-sql/postgres";
import { describePostgres } from "@pcx/testkit";
import { describeActivationStoreContract } from "@pcx/testkit/store-contract";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dropSchemas, randomSchemaName, tableNames, truncateStore } from "./postgres-schema.js";

describePostgres("PostgreSQL store", (url) => {
  const schemas: string[] = [];
  // One schema for this file (parallel files use their own), emptied before
  // every contract test; the second instance is another pool on it.
  const schema = randomSchemaName();
  schemas.push(schema);
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  let migrated = false;
  afterAll(async () => {
    await admin.end();
    await dropSchemas(url, schemas);
  });

  describeActivationStoreContract("PostgreSQL (two pools)", {
    create: async () => {
      if (migrated) await truncateStore(admin, schema);
      migrated = true;
      return createPostgresStore({ connectionString: url, schema, maxConnections: 4 });
    },
    createSecond: async () =>
      createPostgresStore({ connectionString: url, schema, maxConnections: 4 }),
  });

  describe("createPostgresStore", () => {
    it("uses a caller's pg Pool and leaves it open on close", async () => {
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      const own = randomSchemaName();
      schemas.push(own);
      try {
        const store = await createPostgresStore({ pool, schema: own });
        await store.acquireLease({ name: "x", holder: "a", ttlMs: 1, now: new Date(0) });
        await store.close();
        const { rows } = await pool.query(`select holder from "${own}".pcx_leases`);
        expect(rows).toEqual([{ holder: "a" }]);
      } finally {
        await pool.end();
      }
    });

    it("keeps its tables in the named schema only", async () => {
      const own = randomSchemaName();
      schemas.push(own);
      const store = await createPostgresStore({ connectionString: url, schema: own });
      await store.close();
      expect(await tableNames(url, own)).toEqual([
        "pcx_activations",
        "pcx_decisions",
        "pcx_leases",
        "pcx_migrations",
        "pcx_migrations_lock",
        "pcx_nonces",
        "pcx_request_locks",
        "pcx_requests",
      ]);
    });

    it("validates its options (pcx_config, naming the field)", async () => {
      const cases: Array<[Parameters<typeof createPostgresStore>[0], string]> = [
        [{}, "connectionString or pool"],
        [{ connectionString: url, schema: "bad-name; drop" }, "schema must be"],
        [{ connectionString: url, maxConnections: 0 }, "maxConnections"],
      ];
      for (const [options, message] of cases) {
        const error = await createPostgresStore(options).catch((e: unknown) => e);
        expect(isPcxError(error) && error.code).toBe("pcx_config");
        expect((error as Error).message).toContain(message);
      }
    });

    it("reports an unreachable server as pcx_store, password hidden, cause kept", async () => {
      const error = await createPostgresStore({
        connectionString: "postgres://pcx:s3cret-pw@127.0.0.1:1/test",
        schema: randomSchemaName(),
      }).catch((e: unknown) => e);
      expect(isPcxError(error) && error.code).toBe("pcx_store");
      const shown = JSON.stringify(error) + String(error);
      expect(shown).not.toContain("s3cret-pw");
      expect((error as Error).message).toContain("postgres store failed to open the store");
      expect((error as Error).cause).toBeDefined();
    });
  });
});
