import type { ColumnType } from "kysely";

// The tables as Kysely sees them. Ids and times are BIGINT (times in Unix
// milliseconds), so both dialects share one representation: PostgreSQL's pg
// driver reads BIGINT as a string, better-sqlite3 as a number; the row
// mappers turn both into numbers. Flags are integers 0/1 (SQLite has no boolean).

/** A BIGINT column: written as a number, read as a number or a numeric string. */
type Big = ColumnType<number | string, number, number>;
type BigNull = ColumnType<number | string | null, number | null, number | null>;

export interface RequestsTable {
  request_id: Big;
  integration_id: Big;
  integration_version: Big;
  kind: string;
  ref: string | null;
  state_nonce: string | null;
  /** JSON array of company ids. */
  company_ids: string;
  expires_at_ms: Big;
  seen_at_ms: Big;
  deferred: ColumnType<number | string, number, number>;
}

/** One row per request: the row PostgreSQL locks while a claim runs. */
export interface RequestLocksTable {
  request_id: Big;
}

export interface DecisionsTable {
  request_id: Big;
  company_id: Big;
  action: string;
  reason: string | null;
  idempotency_key: string;
  status: string;
  outcome: string | null;
  decided_by: string;
  created_at_ms: Big;
  applied_at_ms: BigNull;
}

export interface NoncesTable {
  nonce: string;
  request_id: Big;
  expires_at_ms: Big;
}

export interface ActivationsTable {
  integration_id: Big;
  company_id: Big;
  company_name: string;
  business_id: string;
  version: Big;
  status: string;
  technical_username: string;
  sealed_api_key: string | null;
  request_id: BigNull;
  activated_at_ms: Big;
  updated_at_ms: Big;
}

export interface LeasesTable {
  name: string;
  holder: string;
  expires_at_ms: Big;
}

export interface StoreDatabase {
  pcx_requests: RequestsTable;
  pcx_request_locks: RequestLocksTable;
  pcx_decisions: DecisionsTable;
  pcx_nonces: NoncesTable;
  pcx_activations: ActivationsTable;
  pcx_leases: LeasesTable;
}

/** Kysely's own bookkeeping tables, named for pcx. */
export const MIGRATION_TABLE = "pcx_migrations";
export const MIGRATION_LOCK_TABLE = "pcx_migrations_lock";
