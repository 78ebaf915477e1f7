import type {
  ColumnDefinitionBuilderCallback,
  CreateTableBuilder,
  Kysely,
  Migration,
  MigrationProvider,
} from "kysely";

// Versioned migrations, in code (no files to ship or find at run time).
// Names start with the zero-padded schema version they bring the database to;
// never edit a released migration, add the next one.

/** How each column constraint the migrations use is written with Kysely. */
const CONSTRAINTS = {
  "not null": (column) => column.notNull(),
  "primary key": (column) => column.primaryKey(),
  "not null default 0": (column) => column.notNull().defaultTo(0),
} satisfies Record<string, ColumnDefinitionBuilderCallback>;

type SqlType = "bigint" | "text" | "integer";

/** A column as SQL declares it: its type, then its constraint if any ("bigint not null"). */
type ColumnSql = SqlType | `${SqlType} ${keyof typeof CONSTRAINTS}`;

/** A table a migration creates: its columns in order, and the indexes on it. */
interface TableSpec {
  name: string;
  columns: Record<string, ColumnSql>;
  /** A primary key over several columns: the constraint's name and its columns. */
  primaryKey?: { name: string; columns: string[] };
  /** Index name → the columns it covers, in order. */
  indexes?: Record<string, string[]>;
}

/**
 * Creates `table` and then its indexes, with Kysely's schema builder (so a
 * PostgreSQL store's schema applies to them).
 */
async function createTable(db: Kysely<unknown>, table: TableSpec): Promise<void> {
  let builder: CreateTableBuilder<string, string> = db.schema.createTable(table.name);
  for (const [name, sql] of Object.entries(table.columns)) {
    const [type, constraint] = sql.split(/ (.*)/) as [SqlType, (keyof typeof CONSTRAINTS)?];
    builder = builder.addColumn(name, type, constraint && CONSTRAINTS[constraint]);
  }
  if (table.primaryKey) {
    builder = builder.addPrimaryKeyConstraint(table.primaryKey.name, table.primaryKey.columns);
  }
  await builder.execute();
  for (const [index, columns] of Object.entries(table.indexes ?? {})) {
    await db.schema.createIndex(index).on(table.name).columns(columns).execute();
  }
}

/** The tables of 0001_initial, in the order it creates them (dropped in reverse). */
const INITIAL_TABLES: readonly TableSpec[] = [
  {
    name: "pcx_requests",
    columns: {
      request_id: "bigint primary key",
      integration_id: "bigint not null",
      integration_version: "bigint not null",
      kind: "text not null",
      ref: "text",
      state_nonce: "text",
      company_ids: "text not null",
      expires_at_ms: "bigint not null",
      seen_at_ms: "bigint not null",
      deferred: "integer not null default 0",
    },
  },
  { name: "pcx_request_locks", columns: { request_id: "bigint primary key" } },
  {
    name: "pcx_decisions",
    columns: {
      request_id: "bigint not null",
      company_id: "bigint not null",
      action: "text not null",
      reason: "text",
      idempotency_key: "text not null",
      status: "text not null",
      outcome: "text",
      decided_by: "text not null",
      created_at_ms: "bigint not null",
      applied_at_ms: "bigint",
    },
    primaryKey: { name: "pcx_decisions_pk", columns: ["request_id", "company_id"] },
    indexes: { pcx_decisions_unapplied: ["status", "created_at_ms", "request_id", "company_id"] },
  },
  {
    name: "pcx_nonces",
    columns: {
      nonce: "text primary key",
      request_id: "bigint not null",
      expires_at_ms: "bigint not null",
    },
    indexes: { pcx_nonces_expiry: ["expires_at_ms"] },
  },
  {
    name: "pcx_activations",
    columns: {
      integration_id: "bigint not null",
      company_id: "bigint not null",
      company_name: "text not null",
      business_id: "text not null",
      version: "bigint not null",
      status: "text not null",
      technical_username: "text not null",
      sealed_api_key: "text",
      request_id: "bigint",
      activated_at_ms: "bigint not null",
      updated_at_ms: "bigint not null",
    },
    primaryKey: { name: "pcx_activations_pk", columns: ["integration_id", "company_id"] },
    indexes: { pcx_activations_status: ["status", "integration_id", "company_id"] },
  },
  {
    name: "pcx_leases",
    columns: {
      name: "text primary key",
      holder: "text not null",
      expires_at_ms: "bigint not null",
    },
  },
];

async function up001(db: Kysely<unknown>): Promise<void> {
  for (const table of INITIAL_TABLES) await createTable(db, table);
}

async function down001(db: Kysely<unknown>): Promise<void> {
  for (const { name } of [...INITIAL_TABLES].reverse()) {
    await db.schema.dropTable(name).ifExists().execute();
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
