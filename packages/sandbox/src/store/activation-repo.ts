import type { Activation, ActivationStatus } from "@pcx/sdk/contract";
import type Database from "better-sqlite3";

/** An activation as the API answers it, with the integration it belongs to. */
export interface ActivationRow extends Activation {
  integrationId: number;
}

const columns = `a.integration_id AS integrationId, a.company_id AS companyId, c.name AS companyName,
  c.business_id AS businessId, a.version, a.status, a.technical_username AS technicalUsername,
  a.activated_at AS activatedAt, a.updated_at AS updatedAt`;
const from = "FROM activations a JOIN companies c ON c.id = a.company_id";

/** One row per integration and environment (the primary key enforces it). */
export function createActivationRepo(db: Database.Database) {
  const get = db.prepare(
    `SELECT ${columns} ${from} WHERE a.integration_id = ? AND a.company_id = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO activations (integration_id, company_id, version, status, technical_username, activated_at, updated_at)
     VALUES (@integrationId, @companyId, @version, @status, @technicalUsername, @now, @now)
     ON CONFLICT(integration_id, company_id) DO UPDATE SET
       version = excluded.version, status = excluded.status,
       technical_username = excluded.technical_username,
       activated_at = CASE WHEN activations.status = 'REMOVED' THEN excluded.activated_at ELSE activations.activated_at END,
       updated_at = excluded.updated_at`,
  );
  const setState = db.prepare(
    "UPDATE activations SET status = ?, version = ?, updated_at = ? WHERE integration_id = ? AND company_id = ?",
  );
  const list = db.prepare(
    `SELECT ${columns} ${from} WHERE a.integration_id = @integrationId AND (@status IS NULL OR a.status = @status)
      ORDER BY a.company_id LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare(
    "SELECT COUNT(*) AS n FROM activations WHERE integration_id = @integrationId AND (@status IS NULL OR status = @status)",
  );
  const inForce = db.prepare(
    `SELECT ${columns} ${from} WHERE a.integration_id = ? AND a.status != 'REMOVED' ORDER BY a.company_id`,
  );
  const ofCompany = db.prepare(
    `SELECT ${columns} ${from} WHERE a.company_id = ? ORDER BY a.integration_id`,
  );
  const listAll = db.prepare(`SELECT ${columns} ${from} ORDER BY a.integration_id, a.company_id`);

  return {
    get: (integrationId: number, companyId: number) =>
      get.get(integrationId, companyId) as ActivationRow | undefined,
    /** Creates the activation, or re-activates / moves an existing one. */
    upsert: (row: {
      integrationId: number;
      companyId: number;
      version: number;
      status: ActivationStatus;
      technicalUsername: string;
      now: string;
    }) => void upsert.run(row),
    setState: (
      integrationId: number,
      companyId: number,
      status: ActivationStatus,
      version: number,
      now: string,
    ) => void setState.run(status, version, now, integrationId, companyId),
    list: (integrationId: number, status: ActivationStatus | null, limit: number, offset: number) =>
      list.all({ integrationId, status, limit, offset }) as ActivationRow[],
    count: (integrationId: number, status: ActivationStatus | null) =>
      (count.get({ integrationId, status }) as { n: number }).n,
    /** ACTIVE and UPDATE_REQUIRED activations of an integration. */
    inForce: (integrationId: number) => inForce.all(integrationId) as ActivationRow[],
    ofCompany: (companyId: number) => ofCompany.all(companyId) as ActivationRow[],
    listAll: () => listAll.all() as ActivationRow[],
  };
}

export type ActivationRepo = ReturnType<typeof createActivationRepo>;
