import type { Kysely, Migration, MigrationProvider } from "kysely";

// Versioned migrations, in code (no files to ship or find at run time).
// Names start with the zero-padded schema version they bring the database to;
// never edit a released migration, add the next one.

async function up001(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("pcx_requests")
    .addColumn("request_id", "bigint", (c) => c.primaryKey())
    .addColumn("integration_id", "bigint", (c) => c.notNull())
    .addColumn("integration_version", "bigint", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ref", "text")
    .addColumn("state_nonce", "text")
    .addColumn("company_ids", "text", (c) => c.notNull())
    .addColumn("expires_at_ms", "bigint", (c) => c.notNull())
    .addColumn("seen_at_ms", "bigint", (c) => c.notNull())
    .addColumn("deferred", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("pcx_request_locks")
    .addColumn("request_id", "bigint", (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable("pcx_decisions")
    .addColumn("request_id", "bigint", (c) => c.notNull())
    .addColumn("company_id", "bigint", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("outcome", "text")
    .addColumn("decided_by", "text", (c) => c.notNull())
    .addColumn("created_at_ms", "bigint", (c) => c.notNull())
    .addColumn("applied_at_ms", "bigint")
    .addPrimaryKeyConstraint("pcx_decisions_pk", ["request_id", "company_id"])
    .execute();
  await db.schema
    .createIndex("pcx_decisions_unapplied")
    .on("pcx_decisions")
    .columns(["status", "created_at_ms", "request_id", "company_id"])
    .execute();
  await db.schema
    .createTable("pcx_nonces")
    .addColumn("nonce", "text", (c) => c.primaryKey())
    .addColumn("request_id", "bigint", (c) => c.notNull())
    .addColumn("expires_at_ms", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("pcx_nonces_expiry")
    .on("pcx_nonces")
    .column("expires_at_ms")
    .execute();
  await db.schema
    .createTable("pcx_activations")
    .addColumn("integration_id", "bigint", (c) => c.notNull())
    .addColumn("company_id", "bigint", (c) => c.notNull())
    .addColumn("company_name", "text", (c) => c.notNull())
    .addColumn("business_id", "text", (c) => c.notNull())
    .addColumn("version", "bigint", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("technical_username", "text", (c) => c.notNull())
    .addColumn("sealed_api_key", "text")
    .addColumn("request_id", "bigint")
    .addColumn("activated_at_ms", "bigint", (c) => c.notNull())
    .addColumn("updated_at_ms", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("pcx_activations_pk", ["integration_id", "company_id"])
    .execute();
  await db.schema
    .createIndex("pcx_activations_status")
    .on("pcx_activations")
    .columns(["status", "integration_id", "company_id"])
    .execute();
  await db.schema
    .createTable("pcx_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("expires_at_ms", "bigint", (c) => c.notNull())
    .execute();
}

async function down001(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "pcx_leases",
    "pcx_activations",
    "pcx_nonces",
    "pcx_decisions",
    "pcx_request_locks",
    "pcx_requests",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

/** Every migration this code knows, in order. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001_initial": { up: up001, down: down001 },
};

/** The schema version this code writes and reads: the number of the newest migration. */
export const SCHEMA_VERSION = 1;

/** The schema version a migration name brings the database to ("0001_initial" → 1); NaN when unnumbered. */
export function migrationVersion(name: string): number {
  const match = /^(\d{4})_/.exec(name);
  return match ? Number(match[1]) : Number.NaN;
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
