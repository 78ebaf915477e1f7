import type Database from "better-sqlite3";

export interface IdempotencyRow {
  clientId: string;
  key: string;
  /** Hash of method, path and body: a replay must match it. */
  fingerprint: string;
  status: number;
  body: string;
  createdAt: string;
}

/** Stored first answers of mutating calls, per API client and `Idempotency-Key`. */
export function createIdempotencyRepo(db: Database.Database) {
  const get = db.prepare(
    "SELECT client_id AS clientId, key, fingerprint, status, body, created_at AS createdAt FROM idempotency_keys WHERE client_id = ? AND key = ?",
  );
  const put = db.prepare(
    "INSERT INTO idempotency_keys (client_id, key, fingerprint, status, body, created_at) VALUES (@clientId, @key, @fingerprint, @status, @body, @createdAt)",
  );
  const prune = db.prepare("DELETE FROM idempotency_keys WHERE created_at < ?");
  return {
    get: (clientId: string, key: string) => get.get(clientId, key) as IdempotencyRow | undefined,
    put: (row: IdempotencyRow) => void put.run(row),
    /** Forgets answers stored before `before`. */
    prune: (before: string) => prune.run(before).changes,
  };
}

export type IdempotencyRepo = ReturnType<typeof createIdempotencyRepo>;
