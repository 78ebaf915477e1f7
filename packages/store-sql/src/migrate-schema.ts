import { PcxError } from "@pcx/sdk";
import { type Kysely, Migrator } from "kysely";
import { migrationProvider, migrationVersion, SCHEMA_VERSION } from "./migrations.js";
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from "./schema.js";
import type { SqlDialect } from "./sql-dialect.js";
import { storeError } from "./store-error.js";

/** What a migration run found and did. */
export interface MigrationResult {
  /** The schema version before the run (0: an empty database). */
  from: number;
  /** The schema version after the run. */
  to: number;
  /** Names of the migrations this run applied, in order (empty when already current). */
  applied: string[];
}

export interface MigrateSchemaOptions {
  /** Apply pending migrations (true) or only check the version (false). */
  apply: boolean;
  /** PostgreSQL schema holding the tables; undefined: the connection's default. */
  schema?: string | undefined;
}

function newerSchema(found: number): PcxError {
  return new PcxError(
    "pcx_store_version",
    `the store's database schema is version ${found}, newer than this pcx knows (version ${SCHEMA_VERSION}); refusing to use it`,
    {
      details: { found, supported: SCHEMA_VERSION },
      hint: `Another deployment upgraded the database. Upgrade pcx (@pcx/store-sql) to a release that knows schema version ${found}; an older pcx must not write to it.`,
    },
  );
}

/** The schema version recorded in the database: 0 when pcx never migrated it. */
export async function readSchemaVersion(db: Kysely<unknown>, dialect: SqlDialect): Promise<number> {
  if (!(await dialect.tableExists(db, MIGRATION_TABLE))) return 0;
  const rows = await (db as Kysely<Record<string, { name: string }>>)
    .selectFrom(MIGRATION_TABLE)
    .select("name")
    .execute();
  let version = 0;
  for (const { name } of rows) {
    const found = migrationVersion(name);
    if (Number.isNaN(found)) {
      throw new PcxError(
        "pcx_store_version",
        `the store's migration table holds "${name}", a migration this pcx does not know`,
        {
          hint: "Upgrade pcx (@pcx/store-sql), or point the store at a database only pcx migrates.",
        },
      );
    }
    version = Math.max(version, found);
  }
  return version;
}

/**
 * Checks the schema version and, with `apply`, brings the database to this
 * code's version with Kysely's `Migrator` (its own lock table keeps two
 * instances from migrating at once). Refuses a database whose schema is newer
 * than this code (`pcx_store_version`); without `apply`, also one that is older.
 */
export async function migrateSchema(
  db: Kysely<unknown>,
  dialect: SqlDialect,
  options: MigrateSchemaOptions,
): Promise<MigrationResult> {
  const from = await readSchemaVersion(db, dialect);
  if (from > SCHEMA_VERSION) throw newerSchema(from);
  if (from === SCHEMA_VERSION) return { from, to: from, applied: [] };
  if (!options.apply) {
    throw new PcxError(
      "pcx_store_version",
      `the store's database schema is version ${from}; this pcx needs version ${SCHEMA_VERSION}`,
      {
        details: { found: from, supported: SCHEMA_VERSION },
        hint: "Run the store's migrate() (or open the store with migrate: true) before using it.",
      },
    );
  }
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    // Another instance may have migrated further meanwhile: say so plainly.
    const now = await readSchemaVersion(db, dialect).catch(() => from);
    if (now > SCHEMA_VERSION) throw newerSchema(now);
    throw storeError(dialect.name, "migrate the schema", error);
  }
  const applied = results.filter((r) => r.status === "Success").map((r) => r.migrationName);
  return { from, to: SCHEMA_VERSION, applied };
}
