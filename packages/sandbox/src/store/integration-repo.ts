import type { ReviewState, WireDefinition } from "@pcx/sdk/contract";
import type Database from "better-sqlite3";

export interface IntegrationRow {
  id: number;
  clientId: string;
  maxConcurrent: number | null;
  linkIssuedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VersionRow {
  integrationId: number;
  version: number;
  definition: WireDefinition;
  reviewState: ReviewState;
  reviewComment: string | null;
  submittedAt: string;
  reviewedAt: string | null;
}

type StoredVersion = Omit<VersionRow, "definition"> & { definition: string };

const integrationColumns =
  "id, client_id AS clientId, max_concurrent AS maxConcurrent, link_issued_at AS linkIssuedAt, created_at AS createdAt, updated_at AS updatedAt";
const versionColumns =
  "integration_id AS integrationId, version, definition, review_state AS reviewState, review_comment AS reviewComment, submitted_at AS submittedAt, reviewed_at AS reviewedAt";

const parseVersion = (row: StoredVersion | undefined): VersionRow | undefined =>
  row && { ...row, definition: JSON.parse(row.definition) as WireDefinition };

/** Integrations and their definition versions. */
export function createIntegrationRepo(db: Database.Database) {
  const insert = db.prepare(
    "INSERT INTO integrations (client_id, max_concurrent, created_at, updated_at) VALUES (?, ?, ?, ?)",
  );
  const get = db.prepare(`SELECT ${integrationColumns} FROM integrations WHERE id = ?`);
  const listByClient = db.prepare(
    `SELECT ${integrationColumns} FROM integrations WHERE client_id = ? ORDER BY id LIMIT ? OFFSET ?`,
  );
  const countByClient = db.prepare("SELECT COUNT(*) AS n FROM integrations WHERE client_id = ?");
  const listAll = db.prepare(`SELECT ${integrationColumns} FROM integrations ORDER BY id`);
  const touch = db.prepare("UPDATE integrations SET updated_at = ? WHERE id = ?");
  const setLimit = db.prepare(
    "UPDATE integrations SET max_concurrent = ?, updated_at = ? WHERE id = ?",
  );
  const issueLink = db.prepare(
    "UPDATE integrations SET link_issued_at = ? WHERE id = ? AND link_issued_at IS NULL",
  );
  const insertVersion = db.prepare(
    `INSERT INTO integration_versions (integration_id, version, definition, review_state, submitted_at)
     VALUES (?, ?, ?, 'IN_REVIEW', ?)`,
  );
  const getVersion = db.prepare(
    `SELECT ${versionColumns} FROM integration_versions WHERE integration_id = ? AND version = ?`,
  );
  const latest = db.prepare(
    `SELECT ${versionColumns} FROM integration_versions WHERE integration_id = ? ORDER BY version DESC LIMIT 1`,
  );
  const published = db.prepare(
    `SELECT ${versionColumns} FROM integration_versions
      WHERE integration_id = ? AND review_state = 'APPROVED' ORDER BY version DESC LIMIT 1`,
  );
  const versions = db.prepare(
    `SELECT ${versionColumns} FROM integration_versions WHERE integration_id = ? ORDER BY version`,
  );
  const review = db.prepare(
    `UPDATE integration_versions SET review_state = ?, review_comment = ?, reviewed_at = ?
      WHERE integration_id = ? AND version = ? AND review_state = 'IN_REVIEW'`,
  );
  const supersede = db.prepare(
    `UPDATE integration_versions SET review_state = 'CHANGES_REQUESTED', review_comment = ?, reviewed_at = ?
      WHERE integration_id = ? AND version < ? AND review_state = 'IN_REVIEW'`,
  );
  const inReview = db.prepare(
    `SELECT ${versionColumns} FROM integration_versions WHERE review_state = 'IN_REVIEW' ORDER BY integration_id, version`,
  );

  return {
    insert: (clientId: string, maxConcurrent: number | null, now: string) =>
      Number(insert.run(clientId, maxConcurrent, now, now).lastInsertRowid),
    get: (id: number) => get.get(id) as IntegrationRow | undefined,
    listByClient: (clientId: string, limit: number, offset: number) =>
      listByClient.all(clientId, limit, offset) as IntegrationRow[],
    countByClient: (clientId: string) => (countByClient.get(clientId) as { n: number }).n,
    listAll: () => listAll.all() as IntegrationRow[],
    touch: (id: number, now: string) => void touch.run(now, id),
    setLimit: (id: number, max: number | null, now: string) => void setLimit.run(max, now, id),
    /** Sets the link's issue time on the first approval only. */
    issueLink: (id: number, now: string) => void issueLink.run(now, id),
    insertVersion: (id: number, version: number, definition: WireDefinition, now: string) =>
      void insertVersion.run(id, version, JSON.stringify(definition), now),
    getVersion: (id: number, version: number) =>
      parseVersion(getVersion.get(id, version) as StoredVersion | undefined),
    latestVersion: (id: number) => parseVersion(latest.get(id) as StoredVersion | undefined),
    publishedVersion: (id: number) => parseVersion(published.get(id) as StoredVersion | undefined),
    versions: (id: number) =>
      (versions.all(id) as StoredVersion[]).map((row) => parseVersion(row) as VersionRow),
    /** Records a review of a version still in review; false when it was not in review. */
    review: (
      id: number,
      version: number,
      state: Exclude<ReviewState, "IN_REVIEW">,
      comment: string | null,
      now: string,
    ) => review.run(state, comment, now, id, version).changes === 1,
    /** Older versions still in review are superseded by a newer submission. */
    supersedeInReview: (id: number, belowVersion: number, comment: string, now: string) =>
      supersede.run(comment, now, id, belowVersion).changes,
    /** Every version still waiting for review (for auto-review after a restart). */
    listInReview: () =>
      (inReview.all() as StoredVersion[]).map((row) => parseVersion(row) as VersionRow),
  };
}

export type IntegrationRepo = ReturnType<typeof createIntegrationRepo>;
