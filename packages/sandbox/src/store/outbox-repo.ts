import type Database from "better-sqlite3";

/** One environment of a processed request, as the status e-mail reports it. */
export interface EmailEnvironment {
  companyId: number;
  name: string;
  businessId: string;
  /** Never PENDING: the e-mail is sent once every environment is decided or expired. */
  status: "APPROVED" | "REJECTED" | "EXPIRED";
  /** The integrator's reason for a rejection (null when it gave none, and for the other outcomes). */
  reason: string | null;
}

/**
 * A status e-mail the sandbox "sent": what it says, kept as data so the
 * outbox can show it in English and Finnish (outbox/status-email-text.ts).
 */
export interface SandboxEmail {
  id: number;
  sentAt: string;
  to: { userId: number; name: string; email: string };
  request: {
    id: number;
    kind: "ACTIVATION" | "UPDATE";
    /** COMPLETED (every environment decided) or EXPIRED (the time ran out first). */
    status: "COMPLETED" | "EXPIRED";
    integrationId: number;
    integrationVersion: number;
    integrationName: string;
    /** The definition's support link (the approved e-mail points to it). */
    supportUrl: string;
  };
  environments: EmailEnvironment[];
}

/** The outbox: one status e-mail per request at most (request_id is unique). */
export function createOutboxRepo(db: Database.Database) {
  const insert = db.prepare(
    "INSERT OR IGNORE INTO outbox (request_id, user_id, sent_at, message) VALUES (?, ?, ?, ?)",
  );
  const list = db.prepare(
    `SELECT id, sent_at AS sentAt, message FROM outbox
      WHERE (@userId IS NULL OR user_id = @userId) AND (@requestId IS NULL OR request_id = @requestId)
      ORDER BY id DESC LIMIT @limit`,
  );
  type Row = { id: number; sentAt: string; message: string };
  return {
    /** Stores an e-mail; false when the request already has one. */
    insert(email: Omit<SandboxEmail, "id">): boolean {
      const { sentAt, ...message } = email;
      return (
        insert.run(email.request.id, email.to.userId, sentAt, JSON.stringify(message)).changes > 0
      );
    },
    /** Newest first, optionally one user's or one request's. */
    list(filter: { userId?: number; requestId?: number; limit?: number } = {}): SandboxEmail[] {
      return (
        list.all({
          userId: filter.userId ?? null,
          requestId: filter.requestId ?? null,
          limit: filter.limit ?? 100,
        }) as Row[]
      ).map((row) => ({ id: row.id, sentAt: row.sentAt, ...JSON.parse(row.message) }));
    },
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
