// Test helper: a throwaway PostgreSQL schema per test, so parallel test files
// (and the tests of one file) never see each other's rows.
import { randomBytes } from "node:crypto";
import pg from "pg";

export function randomSchemaName(): string {
  return `pcx_test_${randomBytes(6).toString("hex")}`;
}

/** Drops every schema in `names` (with their tables) over a short-lived connection. */
export async function dropSchemas(url: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const name of names.splice(0)) {
      await client.query(`drop schema if exists "${name}" cascade`);
    }
  } finally {
    await client.end();
  }
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
