// @pcx/store-sql: ActivationStores over SQL (docs/stores.md). The drivers
// live behind the subpaths, @pcx/store-sql/sqlite and @pcx/store-sql/postgres;
// this entry only picks one by URL and loads it on demand.
import { type ActivationStore, PcxError } from "@pcx/sdk";
import type { MigrationResult } from "./migrate-schema.js";
import { redactUrlCredentials } from "./store-error.js";

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

type Parsed = { kind: "postgres"; connectionString: string } | { kind: "sqlite"; filename: string };

function parseStoreUrl(url: string): Parsed {
  if (typeof url === "string" && /^postgres(ql)?:\/\//i.test(url)) {
    return { kind: "postgres", connectionString: url };
  }
  if (typeof url === "string" && /^sqlite:/i.test(url)) {
    const rest = url.slice("sqlite:".length);
    const filename = rest.startsWith("//") ? rest.slice(2) : rest;
    if (filename !== "") return { kind: "sqlite", filename };
  }
  const shown = typeof url === "string" ? redactUrlCredentials(url) : String(url);
  throw new PcxError("pcx_config", `the store URL "${shown}" names no known store`, {
    hint: "Use postgres://user@host:5432/database, or sqlite:PATH (e.g. sqlite:./pcx.db).",
  });
}

/** Opens the store a URL names, loading only that store's driver. */
export async function openStore(options: StoreUrlOptions): Promise<ActivationStore> {
  const parsed = parseStoreUrl(options.url);
  if (parsed.kind === "postgres") {
    const { createPostgresStore } = await import("./postgres.js");
    return createPostgresStore({
      connectionString: parsed.connectionString,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
    });
  }
  const { createSqliteStore } = await import("./sqlite.js");
  return createSqliteStore({
    filename: parsed.filename,
    ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
  });
}

/**
 * Brings the store a URL names to this code's schema version (running the
 * pending migrations) and closes it. Refuses a newer schema with
 * `pcx_store_version`. Safe to run on every deploy.
 */
export async function migrate(options: Omit<StoreUrlOptions, "migrate">): Promise<MigrationResult> {
  const parsed = parseStoreUrl(options.url);
  if (parsed.kind === "postgres") {
    const { migratePostgresStore } = await import("./postgres.js");
    return migratePostgresStore({
      connectionString: parsed.connectionString,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
    });
  }
  const { migrateSqliteStore } = await import("./sqlite.js");
  return migrateSqliteStore({ filename: parsed.filename });
}
