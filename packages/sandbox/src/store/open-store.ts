import { createRequire } from "node:module";
import type Database from "better-sqlite3";
import { type ActivationRepo, createActivationRepo } from "./activation-repo.js";
import { type AuditRepo, createAuditRepo } from "./audit-repo.js";
import { type CredentialRepo, createCredentialRepo } from "./credential-repo.js";
import { createDirectoryRepo, type DirectoryRepo } from "./directory-repo.js";
import { createIdempotencyRepo, type IdempotencyRepo } from "./idempotency-repo.js";
import { createIntegrationRepo, type IntegrationRepo } from "./integration-repo.js";
import { createOutboxRepo, type OutboxRepo } from "./outbox-repo.js";
import { createRequestRepo, type RequestRepo } from "./request-repo.js";
import { STORE_SCHEMA, STORE_SCHEMA_VERSION } from "./store-schema.js";

/** The sandbox's one store: a SQLite database and small typed repositories over it. */
export interface Store {
  readonly db: Database.Database;
  readonly directory: DirectoryRepo;
  readonly integrations: IntegrationRepo;
  readonly requests: RequestRepo;
  readonly activations: ActivationRepo;
  readonly credentials: CredentialRepo;
  readonly idempotency: IdempotencyRepo;
  readonly audit: AuditRepo;
  /** The status e-mails "sent" (docs/sandbox.md "The status e-mail"). */
  readonly outbox: OutboxRepo;
  /** Runs `fn` in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  close(): void;
}

type DatabaseConstructor = new (file: string) => Database.Database;

/** better-sqlite3 is an optional dependency compiled from source: load it when needed, and say so when it is missing. */
function loadSqlite(): DatabaseConstructor {
  try {
    return createRequire(import.meta.url)("better-sqlite3") as DatabaseConstructor;
  } catch (error) {
    throw Object.assign(
      new Error(
        "The pcx sandbox keeps its state in SQLite through better-sqlite3, which is not installed or did not build. Install it (npm install better-sqlite3@12: a prebuilt binary, or a compile where there is none; pnpm needs it in onlyBuiltDependencies) and start again.",
        { cause: error },
      ),
      { code: "ERR_PCX_SANDBOX_SQLITE_MISSING" },
    );
  }
}

/**
 * Opens (and creates) the store. `file` undefined or ":memory:" keeps
 * everything in memory; a path keeps it across restarts.
 */
export function openStore(file?: string): Store {
  const Sqlite = loadSqlite();
  const db = new Sqlite(file ?? ":memory:");
  if (file && file !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.exec(STORE_SCHEMA);
  const found = db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").get() as
    | { value: string }
    | undefined;
  if (found && Number(found.value) !== STORE_SCHEMA_VERSION) {
    db.close();
    throw new Error(
      `The sandbox state file ${file} has schema version ${found.value}, this sandbox expects ${STORE_SCHEMA_VERSION}. Start with another --data file or delete this one.`,
    );
  }
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('schemaVersion', ?)").run(
    String(STORE_SCHEMA_VERSION),
  );
  const getMeta = db.prepare("SELECT value FROM meta WHERE key = ?");
  const setMeta = db.prepare(
    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  return {
    db,
    directory: createDirectoryRepo(db),
    integrations: createIntegrationRepo(db),
    requests: createRequestRepo(db),
    activations: createActivationRepo(db),
    credentials: createCredentialRepo(db),
    idempotency: createIdempotencyRepo(db),
    audit: createAuditRepo(db),
    outbox: createOutboxRepo(db),
    transaction: (fn) => db.transaction(fn)(),
    getMeta: (key) => (getMeta.get(key) as { value: string } | undefined)?.value,
    setMeta: (key, value) => {
      setMeta.run(key, value);
    },
    close: () => db.close(),
  };
}
