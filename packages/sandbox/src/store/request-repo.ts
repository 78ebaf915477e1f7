import type { EnvironmentDecision, RequestKind, RequestStatus } from "@pcx/sdk/contract";
import type Database from "better-sqlite3";

export interface RequestRow {
  id: number;
  integrationId: number;
  version: number;
  kind: RequestKind;
  status: RequestStatus;
  userId: number;
  state: string | null;
  /** The integration's maxConcurrentActivations when the request was created. */
  limitAtCreation: number | null;
  createdAt: string;
  expiresAt: string;
}

export interface RequestEnvironmentRow {
  requestId: number;
  companyId: number;
  name: string;
  businessId: string;
  status: EnvironmentDecision;
  reason: string | null;
  decidedAt: string | null;
}

const requestColumns =
  "id, integration_id AS integrationId, version, kind, status, user_id AS userId, state, limit_at_creation AS limitAtCreation, created_at AS createdAt, expires_at AS expiresAt";

/** Activation requests and the environments within them. */
export function createRequestRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO activation_requests (integration_id, version, kind, status, user_id, state, limit_at_creation, created_at, expires_at)
     VALUES (@integrationId, @version, @kind, 'PENDING', @userId, @state, @limitAtCreation, @createdAt, @expiresAt)`,
  );
  const insertEnvironment = db.prepare(
    "INSERT INTO request_environments (request_id, company_id, position, status) VALUES (?, ?, ?, 'PENDING')",
  );
  const get = db.prepare(`SELECT ${requestColumns} FROM activation_requests WHERE id = ?`);
  const environments = db.prepare(
    `SELECT e.request_id AS requestId, e.company_id AS companyId, c.name, c.business_id AS businessId,
            e.status, e.reason, e.decided_at AS decidedAt
       FROM request_environments e JOIN companies c ON c.id = e.company_id
      WHERE e.request_id = ? ORDER BY e.position`,
  );
  const list = db.prepare(
    `SELECT ${requestColumns} FROM activation_requests
      WHERE integration_id = @integrationId AND (@status IS NULL OR status = @status)
      ORDER BY id DESC LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare(
    `SELECT COUNT(*) AS n FROM activation_requests
      WHERE integration_id = @integrationId AND (@status IS NULL OR status = @status)`,
  );
  const listByUser = db.prepare(
    `SELECT ${requestColumns} FROM activation_requests WHERE user_id = ? ORDER BY id DESC LIMIT ?`,
  );
  const listAll = db.prepare(`SELECT ${requestColumns} FROM activation_requests ORDER BY id`);
  const setStatus = db.prepare("UPDATE activation_requests SET status = ? WHERE id = ?");
  const decide = db.prepare(
    `UPDATE request_environments SET status = ?, reason = ?, decided_at = ?
      WHERE request_id = ? AND company_id = ? AND status = 'PENDING'`,
  );
  const dueForExpiry = db.prepare(
    "SELECT id FROM activation_requests WHERE status = 'PENDING' AND expires_at <= ? ORDER BY id",
  );
  const expireEnvironments = db.prepare(
    "UPDATE request_environments SET status = 'EXPIRED', decided_at = ? WHERE request_id = ? AND status = 'PENDING'",
  );
  const pendingFor = db.prepare(
    `SELECT r.id FROM activation_requests r JOIN request_environments e ON e.request_id = r.id
      WHERE r.integration_id = ? AND e.company_id = ? AND r.status = 'PENDING' AND e.status = 'PENDING'
      ORDER BY r.id LIMIT 1`,
  );

  return {
    insert: (row: Omit<RequestRow, "id" | "status">) => Number(insert.run(row).lastInsertRowid),
    insertEnvironment: (requestId: number, companyId: number, position: number) =>
      void insertEnvironment.run(requestId, companyId, position),
    get: (id: number) => get.get(id) as RequestRow | undefined,
    environments: (id: number) => environments.all(id) as RequestEnvironmentRow[],
    list: (integrationId: number, status: RequestStatus | null, limit: number, offset: number) =>
      list.all({ integrationId, status, limit, offset }) as RequestRow[],
    count: (integrationId: number, status: RequestStatus | null) =>
      (count.get({ integrationId, status }) as { n: number }).n,
    listByUser: (userId: number, limit: number) => listByUser.all(userId, limit) as RequestRow[],
    listAll: () => listAll.all() as RequestRow[],
    setStatus: (id: number, status: RequestStatus) => void setStatus.run(status, id),
    /** Decides one environment if it is still pending; false when it was not. */
    decide: (
      requestId: number,
      companyId: number,
      status: "APPROVED" | "REJECTED",
      reason: string | null,
      now: string,
    ) => decide.run(status, reason, now, requestId, companyId).changes === 1,
    /** Ids of pending requests whose time ran out at `now`. */
    dueForExpiry: (now: string) => (dueForExpiry.all(now) as { id: number }[]).map((r) => r.id),
    expireEnvironments: (requestId: number, now: string) =>
      expireEnvironments.run(now, requestId).changes,
    /** The pending request that already holds this environment for this integration, if any. */
    pendingRequestFor: (integrationId: number, companyId: number) =>
      (pendingFor.get(integrationId, companyId) as { id: number } | undefined)?.id,
  };
}

export type RequestRepo = ReturnType<typeof createRequestRepo>;
