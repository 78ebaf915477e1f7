// Test helper: a throwaway PostgreSQL schema per test, so parallel test files
// (and the tests of one file) never see each other's rows.
import { randomBytes } from "node:crypto";
import pg from "pg";

export function randomSchemaName(): string {
  return `pcx_test_${randomBytes(6).toString("hex")}`;
}

/** Runs `use` with a short-lived connection to `url`, ended afterwards. */
export async function withPgClient<T>(
  url: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** One query over a short-lived connection; returns its rows. */
export function queryOnce(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  return withPgClient(url, async (client) => (await client.query(sql, params)).rows);
}

const TABLES_OF =
  "select table_name from information_schema.tables where table_schema = $1 order by 1";

/** The names of the tables in `schema`, sorted. */
export async function tableNames(url: string, schema: string): Promise<string[]> {
  return (await queryOnce(url, TABLES_OF, [schema])).map((row) => row.table_name as string);
}

/** Every row of every table in `schema`, as JSON text: what a dump of the database shows. */
export function dumpSchema(url: string, schema: string): Promise<string> {
  return withPgClient(url, async (client) => {
    let dump = "";
    const tables = await client.query<{ table_name: string }>(TABLES_OF, [schema]);
    for (const { table_name } of tables.rows) {
      const { rows } = await client.query(`select * from "${schema}"."${table_name}"`);
      dump += `${table_name}: ${JSON.stringify(rows)}\n`;
    }
    return dump;
  });
}

/** Drops every schema in `names` (with their tables) over a short-lived connection. */
export async function dropSchemas(url: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await withPgClient(url, async (client) => {
    for (const name of names.splice(0)) {
      await client.query(`drop schema if exists "${name}" cascade`);
    }
  });
}

const TABLES = [
  "pcx_requests",
  "pcx_request_locks",
  "pcx_decisions",
  "pcx_nonces",
  "pcx_activations",
  "pcx_leases",
];

/** Empties the store's tables in `schema` (faster than a new schema per test). */
export async function truncateStore(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`truncate ${TABLES.map((t) => `"${schema}".${t}`).join(", ")}`);
}
