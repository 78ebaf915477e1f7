/**
 * The sandbox's SQLite schema, created on open (idempotent). Timestamps are
 * ISO 8601 UTC strings, which compare correctly as text. Bump
 * STORE_SCHEMA_VERSION and add a migration when a table changes shape.
 */
export const STORE_SCHEMA_VERSION = 1;

export const STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS clients (
  client_id TEXT PRIMARY KEY,
  client_secret TEXT NOT NULL,
  name TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  sign_in_name TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  email TEXT NOT NULL
);

-- fixture_role: NULL, 'legacy-manual' or 'flow-activated' (docs/sandbox.md "Fixtures").
CREATE TABLE IF NOT EXISTS companies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  business_id TEXT NOT NULL,
  fixture_role TEXT
);

CREATE TABLE IF NOT EXISTS memberships (
  user_id INTEGER NOT NULL REFERENCES users(id),
  company_id INTEGER NOT NULL REFERENCES companies(id),
  user_management INTEGER NOT NULL,
  PRIMARY KEY (user_id, company_id)
);

CREATE TABLE IF NOT EXISTS integrations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL REFERENCES clients(client_id),
  max_concurrent INTEGER,
  link_issued_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS integration_versions (
  integration_id INTEGER NOT NULL REFERENCES integrations(id),
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  review_state TEXT NOT NULL,
  review_comment TEXT,
  submitted_at TEXT NOT NULL,
  reviewed_at TEXT,
  PRIMARY KEY (integration_id, version)
);

CREATE TABLE IF NOT EXISTS activation_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  integration_id INTEGER NOT NULL REFERENCES integrations(id),
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  state TEXT,
  limit_at_creation INTEGER,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS activation_requests_by_integration
  ON activation_requests (integration_id, id);
CREATE INDEX IF NOT EXISTS activation_requests_by_status
  ON activation_requests (status, expires_at);
CREATE INDEX IF NOT EXISTS activation_requests_by_user
  ON activation_requests (user_id, id);

CREATE TABLE IF NOT EXISTS request_environments (
  request_id INTEGER NOT NULL REFERENCES activation_requests(id),
  company_id INTEGER NOT NULL REFERENCES companies(id),
  position INTEGER NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  decided_at TEXT,
  PRIMARY KEY (request_id, company_id)
);
CREATE INDEX IF NOT EXISTS request_environments_by_company
  ON request_environments (company_id, status);

-- One row per integration and environment: two activations of one
-- integration in one environment cannot exist.
CREATE TABLE IF NOT EXISTS activations (
  integration_id INTEGER NOT NULL REFERENCES integrations(id),
  company_id INTEGER NOT NULL REFERENCES companies(id),
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  technical_username TEXT NOT NULL,
  activated_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (integration_id, company_id)
);

-- kind: 'integrator' (the integrator's own API user) or 'technical'
-- (a technical user in one environment, bound to one integration).
CREATE TABLE IF NOT EXISTS api_keys (
  api_key TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(client_id),
  kind TEXT NOT NULL,
  username TEXT NOT NULL,
  integration_id INTEGER,
  company_id INTEGER,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS api_keys_by_activation ON api_keys (integration_id, company_id);

CREATE TABLE IF NOT EXISTS access_tokens (
  token_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  api_key TEXT NOT NULL REFERENCES api_keys(api_key),
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS idempotency_keys (
  client_id TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (client_id, key)
);

-- Append-only record of every applied change; the invariant tests read it.
-- The status e-mails the sandbox "sent" (docs/sandbox.md "The status e-mail"); message: JSON.
-- A new table, created on open: state files from before it simply get it.
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id INTEGER NOT NULL UNIQUE REFERENCES activation_requests(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  sent_at TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_by_user ON outbox (user_id, id);

CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  integration_id INTEGER,
  request_id INTEGER,
  company_id INTEGER,
  detail TEXT
);
`;
