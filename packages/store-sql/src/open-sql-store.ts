import type { ActivationStore } from "@pcx/sdk";
import type { Kysely } from "kysely";
import { type MigrationResult, migrateSchema } from "./migrate-schema.js";
import type { StoreDatabase } from "./schema.js";
import type { SqlDialect } from "./sql-dialect.js";
import { createSqlStore } from "./sql-store.js";
import { storeError } from "./store-error.js";

export interface OpenSqlStoreInput {
  db: Kysely<StoreDatabase>;
  dialect: SqlDialect;
  /** Apply pending migrations (true) or refuse an out-of-date schema (false). */
  migrate: boolean;
  schema?: string | undefined;
  /** Closes what the store opened itself. */
  close: () => Promise<void>;
}

/** Checks (and migrates) the schema, then returns the store; closes what it opened on failure. */
export async function openSqlStore(input: OpenSqlStoreInput): Promise<ActivationStore> {
  await migrateOrClose(input, input.migrate);
  return createSqlStore({ db: input.db, dialect: input.dialect, close: input.close });
}

/** Runs the migrations and closes the connection. */
export async function migrateAndClose(input: OpenSqlStoreInput): Promise<MigrationResult> {
  const result = await migrateOrClose(input, true);
  await input.close();
  return result;
}

async function migrateOrClose(input: OpenSqlStoreInput, apply: boolean): Promise<MigrationResult> {
  try {
    return await input.dialect.retry(() =>
      migrateSchema(input.db as Kysely<unknown>, input.dialect, { apply, schema: input.schema }),
    );
  } catch (error) {
    await input.close().catch(() => {});
    throw storeError(input.dialect.name, "open the store", error);
  }
}
