import type { ActivationStore } from "@pcx/sdk";
import type { Kysely } from "kysely";
import { type MigrationResult, migrateSchema } from "./migrate-schema.js";
import type { StoreDatabase } from "./schema.js";
import type { SqlDialect } from "./sql-dialect.js";
import { createSqlStore } from "./sql-store.js";
import { storeError } from "./store-error.js";

/** A database a driver connected to, for the store. */
export interface SqlConnection {
  db: Kysely<StoreDatabase>;
  dialect: SqlDialect;
  /** PostgreSQL schema holding the tables; undefined: the connection's default. */
  schema?: string | undefined;
  /**
   * Whether the driver opened the pool or file itself: then closing the store
   * closes it (Kysely's destroy); one the caller gave stays open.
   */
  ownsDatabase: boolean;
}

/** A SQL store driver's two entry points. */
export interface SqlStoreEntryPoints<Options extends { migrate?: boolean }> {
  /** Checks (and, unless `migrate: false`, migrates) the schema, then returns the store. */
  open(options: Options): Promise<ActivationStore>;
  /** Brings the schema to this code's version, then closes what it opened. */
  migrate(options: Omit<Options, "migrate">): Promise<MigrationResult>;
}

/** The entry points of the driver whose options `connect` checks and connects with. */
export function sqlStoreEntryPoints<Options extends { migrate?: boolean }>(
  connect: (options: Omit<Options, "migrate">) => Promise<SqlConnection>,
): SqlStoreEntryPoints<Options> {
  return {
    async open(options) {
      const connection = await connect(options);
      await migrateOrClose(connection, options.migrate ?? true);
      const { db, dialect } = connection;
      return createSqlStore({ db, dialect, close: () => closeOwned(connection) });
    },
    async migrate(options) {
      const connection = await connect(options);
      const result = await migrateOrClose(connection, true);
      await closeOwned(connection);
      return result;
    },
  };
}

async function closeOwned(connection: SqlConnection): Promise<void> {
  if (connection.ownsDatabase) await connection.db.destroy();
}

async function migrateOrClose(connection: SqlConnection, apply: boolean): Promise<MigrationResult> {
  const { db, dialect, schema } = connection;
  try {
    return await dialect.retry(() =>
      migrateSchema(db as Kysely<unknown>, dialect, { apply, schema }),
    );
  } catch (error) {
    await closeOwned(connection).catch(() => {});
    throw storeError(dialect.name, "open the store", error);
  }
}
