import type Database from "better-sqlite3";

export interface ClientRow {
  clientId: string;
  clientSecret: string;
  name: string;
}

export interface ApiKeyRow {
  apiKey: string;
  clientId: string;
  /** `integrator`: the integrator's own API user; `technical`: a technical user in one environment. */
  kind: "integrator" | "technical";
  username: string;
  integrationId: number | null;
  companyId: number | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface AccessTokenRow {
  tokenHash: string;
  clientId: string;
  apiKey: string;
  issuedAt: string;
  expiresAt: string;
}

const keyColumns =
  "api_key AS apiKey, client_id AS clientId, kind, username, integration_id AS integrationId, company_id AS companyId, created_at AS createdAt, revoked_at AS revokedAt";

/** API clients, API keys and access tokens. */
export function createCredentialRepo(db: Database.Database) {
  const insertClient = db.prepare(
    "INSERT OR IGNORE INTO clients (client_id, client_secret, name) VALUES (@clientId, @clientSecret, @name)",
  );
  const getClient = db.prepare(
    "SELECT client_id AS clientId, client_secret AS clientSecret, name FROM clients WHERE client_id = ?",
  );
  const insertKey = db.prepare(
    `INSERT OR IGNORE INTO api_keys (api_key, client_id, kind, username, integration_id, company_id, created_at)
     VALUES (@apiKey, @clientId, @kind, @username, @integrationId, @companyId, @createdAt)`,
  );
  const getKey = db.prepare(`SELECT ${keyColumns} FROM api_keys WHERE api_key = ?`);
  const liveKeyOf = db.prepare(
    `SELECT ${keyColumns} FROM api_keys WHERE integration_id = ? AND company_id = ? AND revoked_at IS NULL`,
  );
  const revokeKeysOf = db.prepare(
    "UPDATE api_keys SET revoked_at = ? WHERE integration_id = ? AND company_id = ? AND revoked_at IS NULL",
  );
  const listTechnical = db.prepare(
    `SELECT ${keyColumns} FROM api_keys WHERE kind = 'technical' ORDER BY integration_id, company_id, created_at`,
  );
  const insertToken = db.prepare(
    "INSERT INTO access_tokens (token_hash, client_id, api_key, issued_at, expires_at) VALUES (@tokenHash, @clientId, @apiKey, @issuedAt, @expiresAt)",
  );
  const getToken = db.prepare(
    "SELECT token_hash AS tokenHash, client_id AS clientId, api_key AS apiKey, issued_at AS issuedAt, expires_at AS expiresAt FROM access_tokens WHERE token_hash = ?",
  );
  const pruneTokens = db.prepare("DELETE FROM access_tokens WHERE expires_at < ?");

  return {
    insertClient: (client: ClientRow) => void insertClient.run(client),
    getClient: (clientId: string) => getClient.get(clientId) as ClientRow | undefined,
    insertKey: (key: Omit<ApiKeyRow, "revokedAt">) => void insertKey.run(key),
    getKey: (apiKey: string) => getKey.get(apiKey) as ApiKeyRow | undefined,
    /** The technical user's key that still works in this environment, if any. */
    liveKeyOf: (integrationId: number, companyId: number) =>
      liveKeyOf.all(integrationId, companyId) as ApiKeyRow[],
    revokeKeysOf: (integrationId: number, companyId: number, now: string) =>
      revokeKeysOf.run(now, integrationId, companyId).changes,
    listTechnicalKeys: () => listTechnical.all() as ApiKeyRow[],
    insertToken: (token: AccessTokenRow) => void insertToken.run(token),
    getToken: (tokenHash: string) => getToken.get(tokenHash) as AccessTokenRow | undefined,
    /** Drops tokens that expired before `before`. */
    pruneTokens: (before: string) => pruneTokens.run(before).changes,
  };
}

export type CredentialRepo = ReturnType<typeof createCredentialRepo>;
