import type Database from "better-sqlite3";

/** What happened; one row per applied change. */
export type AuditKind =
  | "integration.created"
  | "version.submitted"
  | "version.reviewed"
  | "limits.set"
  | "request.created"
  | "environment.decided"
  | "request.expired"
  | "activation.activated"
  | "activation.updated"
  | "activation.update-required"
  | "activation.removed";

export interface AuditRow {
  seq: number;
  at: string;
  kind: AuditKind;
  integrationId: number | null;
  requestId: number | null;
  companyId: number | null;
  detail: Record<string, unknown> | null;
}

/** The append-only audit log that invariant tests read through /sandbox/state. */
export function createAuditRepo(db: Database.Database) {
  const append = db.prepare(
    "INSERT INTO audit_log (at, kind, integration_id, request_id, company_id, detail) VALUES (@at, @kind, @integrationId, @requestId, @companyId, @detail)",
  );
  const all = db.prepare(
    "SELECT seq, at, kind, integration_id AS integrationId, request_id AS requestId, company_id AS companyId, detail FROM audit_log ORDER BY seq",
  );
  return {
    append: (
      at: string,
      kind: AuditKind,
      refs: { integrationId?: number; requestId?: number; companyId?: number },
      detail?: Record<string, unknown>,
    ) =>
      void append.run({
        at,
        kind,
        integrationId: refs.integrationId ?? null,
        requestId: refs.requestId ?? null,
        companyId: refs.companyId ?? null,
        detail: detail ? JSON.stringify(detail) : null,
      }),
    all: () =>
      (all.all() as (Omit<AuditRow, "detail"> & { detail: string | null })[]).map((row) => ({
        ...row,
        detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
      })),
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
