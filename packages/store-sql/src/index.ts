// @pcx/store-sql: ActivationStores over SQL (docs/stores.md). The drivers
// live behind the subpaths, @pcx/store-sql/sqlite and @pcx/store-sql/postgres;
// this entry only picks one by URL and loads it on demand.
import { type ActivationStore, hideUrlPassword, PcxError } from "@pcx/sdk";
import type { MigrationResult } from "./migrate-schema.js";
import type { PostgresStoreOptions } from "./postgres.js";
import type { SqliteStoreOptions } from "./sqlite.js";

export type { MigrationResult } from "./migrate-schema.js";
export { SCHEMA_VERSION } from "./migrations.js";

export interface StoreUrlOptions {
  /**
   * Which store: `postgres://…` or `postgresql://…` for PostgreSQL,
   * `sqlite:PATH` (`sqlite:./pcx.db`, `sqlite:///var/lib/pcx.db`,
   * `sqlite::memory:`) for SQLite. Required.
   */
  url: string;
  /** PostgreSQL only: the schema holding pcx's tables. Default: the connection's current schema. */
  schema?: string;
  /** Apply pending migrations on open. Default: true. */
  migrate?: boolean;
}

/** The store a URL names, with its driver's options (all but `migrate`). */
type Target =
  | { kind: "postgres"; options: Omit<PostgresStoreOptions, "migrate"> }
  | { kind: "sqlite"; options: Omit<SqliteStoreOptions, "migrate"> };

function storeTarget(options: Omit<StoreUrlOptions, "migrate">): Target {
  const { url, schema } = options;
  if (typeof url === "string" && /^postgres(ql)?:\/\//i.test(url)) {
    return {
      kind: "postgres",
      options: { connectionString: url, ...(schema === undefined ? {} : { schema }) },
    };
  }
  if (typeof url === "string" && /^sqlite:/i.test(url)) {
    const rest = url.slice("sqlite:".length);
    const filename = rest.startsWith("//") ? rest.slice(2) : rest;
    if (filename !== "") return { kind: "sqlite", options: { filename } };
  }
  const shown = typeof url === "string" ? hideUrlPassword(url) : String(url);
  throw new PcxError("pcx_config", `the store URL "${shown}" names no known store`, {
    hint: "Use postgres://user@host:5432/database, or sqlite:PATH (e.g. sqlite:./pcx.db).",
  });
}

/** Opens the store a URL names, loading only that store's driver. */
export async function openStore(options: StoreUrlOptions): Promise<ActivationStore> {
  const target = storeTarget(options);
  const migrate = options.migrate === undefined ? {} : { migrate: options.migrate };
  if (target.kind === "postgres") {
    const { createPostgresStore } = await import("./postgres.js");
    return createPostgresStore({ ...target.options, ...migrate });
  }
  const { createSqliteStore } = await import("./sqlite.js");
  return createSqliteStore({ ...target.options, ...migrate });
}

/**
 * Brings the store a URL names to this code's schema version (running the
 * pending migrations) and closes it. Refuses a newer schema with
 * `pcx_store_version`. Safe to run on every deploy.
 */
export async function migrate(options: Omit<StoreUrlOptions, "migrate">): Promise<MigrationResult> {
  const target = storeTarget(options);
  if (target.kind === "postgres") {
    const { migratePostgresStore } = await import("./postgres.js");
    return migratePostgresStore(target.options);
  }
  const { migrateSqliteStore } = await import("./sqlite.js");
  return migrateSqliteStore(target.options);
}
