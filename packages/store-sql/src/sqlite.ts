import { PcxError } from "@pcx/sdk";
import { Kysely, type SqliteDatabase, SqliteDialect, sql } from "kysely";
import { type SqlConnection, sqlStoreEntryPoints } from "./open-sql-store.js";
import type { StoreDatabase } from "./schema.js";
import { driverErrorCode, retryTransient, type SqlDialect } from "./sql-dialect.js";
import { storeError } from "./store-error.js";

export type { MigrationResult } from "./migrate-schema.js";
export { SCHEMA_VERSION } from "./migrations.js";

export interface SqliteStoreOptions {
  /**
   * The database file, created when missing (its directory must exist).
   * `":memory:"` gives a private in-memory database, lost on close. Give this
   * or `database`.
   */
  filename?: string;
  /**
   * An open better-sqlite3 `Database` (or anything with its interface) to use
   * instead of opening `filename`. The store does not close it. Give this or
   * `filename`.
   */
  database?: SqliteDatabase;
  /**
   * Apply pending migrations when the store opens. With false, a database
   * whose schema is behind is refused (`pcx_store_version`). A schema newer
   * than this code is always refused. Default: true.
   */
  migrate?: boolean;
  /**
   * How long a call keeps retrying, in milliseconds, while another
   * connection holds the file's write lock (SQLITE_BUSY); retries wait
   * asynchronously, so the event loop keeps running. Default: 5000.
   */
  busyTimeoutMs?: number;
  /**
   * SQLite's `synchronous` setting for a file the store opens. "full": every
   * commit is on disk before the call returns, so a decision intent survives
   * a power cut or OS crash. "normal": commits survive a process crash but
   * the last ones may be lost on power loss; no disk flush per commit, so
   * several times faster (see docs/benchmarks.md). Ignored with `database`.
   * Default: "full".
   */
  synchronous?: "full" | "normal";
}

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(driverErrorCode(error) ?? "");

function sqliteDialect(busyTimeoutMs: number): SqlDialect {
  return {
    name: "sqlite",
    // BEGIN IMMEDIATE takes the file's write lock up front, so two
    // connections never both read and then both try to write (which SQLite
    // answers with SQLITE_BUSY mid-transaction). Within one store, Kysely's
    // single connection is behind a mutex, so concurrent calls queue.
    writeTransaction: (db, fn) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => {});
          throw error;
        }
      }),
    lockRequest: async () => {},
    retry: (fn) => retryTransient(fn, isBusy, busyTimeoutMs),
    async tableExists(db, table) {
      const { rows } = await sql<{ name: string }>`
        select name from sqlite_master where type = 'table' and name = ${table}`.execute(db);
      return rows.length > 0;
    },
  };
}

async function openDatabase(
  filename: string,
  synchronous: "full" | "normal",
): Promise<SqliteDatabase> {
  let Database: typeof import("better-sqlite3");
  try {
    Database = (await import("better-sqlite3")).default;
  } catch (error) {
    throw new PcxError(
      "pcx_config",
      "the SQLite store needs better-sqlite3, which is not installed",
      {
        cause: error,
        hint: "Install it beside pcx: npm install better-sqlite3",
      },
    );
  }
  // timeout 0: a busy file answers at once and the store retries without
  // blocking the event loop (see busyTimeoutMs).
  try {
    const db = new Database(filename, { timeout: 0 });
    if (filename !== ":memory:" && filename !== "") db.pragma("journal_mode = WAL");
    // FULL by default: an intent must survive a power cut between it and the
    // API call. Set explicitly, since builds differ in their WAL default.
    db.pragma(`synchronous = ${synchronous === "normal" ? "NORMAL" : "FULL"}`);
    return db as unknown as SqliteDatabase;
  } catch (error) {
    throw storeError("sqlite", `open the database file ${filename}`, error);
  }
}

async function connectSqlite(options: Omit<SqliteStoreOptions, "migrate">): Promise<SqlConnection> {
  const given = [options.filename !== undefined, options.database !== undefined].filter(Boolean);
  if (given.length !== 1) {
    throw new PcxError("pcx_config", "the SQLite store needs exactly one of filename or database", {
      hint: 'Give filename (a path, or ":memory:") or database (an open better-sqlite3 Database).',
    });
  }
  if (options.filename !== undefined && typeof options.filename !== "string") {
    throw new PcxError("pcx_config", "filename must be a path string");
  }
  const synchronous = options.synchronous ?? "full";
  if (synchronous !== "full" && synchronous !== "normal") {
    throw new PcxError("pcx_config", 'synchronous must be "full" or "normal"');
  }
  const database =
    options.database ?? (await openDatabase(options.filename as string, synchronous));
  return {
    db: new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database }) }),
    dialect: sqliteDialect(options.busyTimeoutMs ?? 5_000),
    ownsDatabase: options.database === undefined,
  };
}

const sqliteStore = sqlStoreEntryPoints<SqliteStoreOptions>(connectSqlite);

/**
 * An `ActivationStore` in a SQLite file (better-sqlite3, a peer dependency
 * loaded only here): the embedded default for one machine. Opening runs the
 * pending migrations (see `migrate`). Several processes may share the file;
 * writes are serialised by SQLite's write lock.
 */
export const createSqliteStore = sqliteStore.open;

/** Brings a SQLite store's schema to this code's version and closes it again. */
export const migrateSqliteStore = sqliteStore.migrate;
