import { PcxError } from "@pcx/sdk";
import { Kysely, PostgresDialect, type PostgresPool, sql } from "kysely";
import { type SqlConnection, sqlStoreEntryPoints } from "./open-sql-store.js";
import type { StoreDatabase } from "./schema.js";
import { driverErrorCode, retryTransient, type SqlDialect } from "./sql-dialect.js";

export type { MigrationResult } from "./migrate-schema.js";
export { SCHEMA_VERSION } from "./migrations.js";

export interface PostgresStoreOptions {
  /**
   * A PostgreSQL connection URL (`postgres://user@host:5432/database`); the
   * store opens its own `pg` pool and closes it on `close()`. Give this or `pool`.
   */
  connectionString?: string;
  /** An existing `pg` Pool to use; the store does not end it. Give this or `connectionString`. */
  pool?: PostgresPool;
  /**
   * The PostgreSQL schema that holds pcx's tables, created by the first
   * migration when missing. Default: the connection's current schema
   * (the first of its search_path, usually `public`).
   */
  schema?: string;
  /** Most connections the store's own pool opens. Default: 10. Ignored with `pool`. */
  maxConnections?: number;
  /**
   * Apply pending migrations when the store opens. With false, a database
   * whose schema is behind is refused (`pcx_store_version`). A schema newer
   * than this code is always refused. Default: true.
   */
  migrate?: boolean;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
// Deadlock and serialization failure: the database rolled the transaction back; run it again.
const TRANSIENT = new Set(["40P01", "40001"]);
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function postgresDialect(schema: string | undefined): SqlDialect {
  return {
    name: "postgres",
    writeTransaction: (db, fn) => db.transaction().execute(fn),
    // A row per request, inserted when missing, then locked: concurrent
    // claims of one request (from any instance) queue on this row lock;
    // claims of different requests do not touch each other.
    async lockRequest(trx, requestId) {
      await trx
        .insertInto("pcx_request_locks")
        .values({ request_id: requestId })
        .onConflict((oc) => oc.column("request_id").doNothing())
        .execute();
      await trx
        .selectFrom("pcx_request_locks")
        .select("request_id")
        .where("request_id", "=", requestId)
        .forUpdate()
        .execute();
    },
    retry: (fn) => retryTransient(fn, (e) => TRANSIENT.has(driverErrorCode(e) ?? ""), 2_000),
    async tableExists(db, table) {
      const name = schema ? `${quoteIdent(schema)}.${quoteIdent(table)}` : quoteIdent(table);
      const { rows } = await sql<{ found: boolean }>`
        select to_regclass(${name}) is not null as found`.execute(db);
      return rows[0]?.found === true;
    },
  };
}

async function openPool(connectionString: string, max: number): Promise<PostgresPool> {
  let Pool: typeof import("pg").Pool;
  try {
    // pg is CommonJS: its classes hang off the default export.
    Pool = (await import("pg")).default.Pool;
  } catch (error) {
    throw new PcxError("pcx_config", "the PostgreSQL store needs pg, which is not installed", {
      cause: error,
      hint: "Install it beside pcx: npm install pg",
    });
  }
  const pool = new Pool({ connectionString, max });
  // An idle client's error (server restart, network) must not crash the
  // process; the next query gets a fresh connection or reports the error.
  pool.on("error", () => {});
  return pool as unknown as PostgresPool;
}

async function connectPostgres(
  options: Omit<PostgresStoreOptions, "migrate">,
): Promise<SqlConnection> {
  const given = [options.connectionString !== undefined, options.pool !== undefined].filter(
    Boolean,
  );
  if (given.length !== 1) {
    throw new PcxError(
      "pcx_config",
      "the PostgreSQL store needs exactly one of connectionString or pool",
      {
        hint: "Give connectionString (postgres://user@host:5432/database) or pool (a pg Pool).",
      },
    );
  }
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new PcxError(
      "pcx_config",
      "schema must be 1-63 characters of letters, digits and _, not starting with a digit",
    );
  }
  const max = options.maxConnections ?? 10;
  if (!Number.isInteger(max) || max < 1) {
    throw new PcxError("pcx_config", "maxConnections must be a whole number of at least 1");
  }
  const pool = options.pool ?? (await openPool(options.connectionString as string, max));
  const db = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
  return {
    db: options.schema ? db.withSchema(options.schema) : db,
    dialect: postgresDialect(options.schema),
    schema: options.schema,
    ownsDatabase: options.pool === undefined,
  };
}

const postgresStore = sqlStoreEntryPoints<PostgresStoreOptions>(connectPostgres);

/**
 * An `ActivationStore` in PostgreSQL (`pg` with a pool, a peer dependency
 * loaded only here): for several instances sharing one database. Opening runs
 * the pending migrations (see `migrate`). Claims serialise on a row lock per
 * request; leases are one atomic upsert.
 */
export const createPostgresStore = postgresStore.open;

/** Brings a PostgreSQL store's schema to this code's version and closes its own pool. */
export const migratePostgresStore = postgresStore.migrate;
