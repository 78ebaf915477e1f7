import type {
  ActivationRecord,
  DecisionAction,
  DecisionRecord,
  DecisionStatus,
  StoredRequest,
} from "@pcx/sdk";
import type { ActivationStatus, EnvironmentDecision } from "@pcx/sdk/contract";
import type { Insertable, Selectable } from "kysely";
import type { ActivationsTable, DecisionsTable, RequestsTable } from "./schema.js";

/** BIGINT as a number: pg reads it as a string, better-sqlite3 as a number. */
export const num = (value: number | string): number =>
  typeof value === "number" ? value : Number(value);
const numOrNull = (value: number | string | null): number | null =>
  value === null ? null : num(value);
const dateOrNull = (value: number | string | null): Date | null =>
  value === null ? null : new Date(num(value));

export function toRequest(row: Selectable<RequestsTable>): StoredRequest {
  return {
    requestId: num(row.request_id),
    integrationId: num(row.integration_id),
    integrationVersion: num(row.integration_version),
    kind: row.kind as StoredRequest["kind"],
    ref: row.ref,
    stateNonce: row.state_nonce,
    companyIds: (JSON.parse(row.company_ids) as number[]).map(num),
    expiresAt: new Date(num(row.expires_at_ms)),
    seenAt: new Date(num(row.seen_at_ms)),
    deferred: num(row.deferred) !== 0,
  };
}

export function toDecision(row: Selectable<DecisionsTable>): DecisionRecord {
  return {
    requestId: num(row.request_id),
    companyId: num(row.company_id),
    action: row.action as DecisionAction,
    reason: row.reason,
    idempotencyKey: row.idempotency_key,
    status: row.status as DecisionStatus,
    outcome: row.outcome as EnvironmentDecision | null,
    decidedBy: row.decided_by,
    createdAt: new Date(num(row.created_at_ms)),
    appliedAt: dateOrNull(row.applied_at_ms),
  };
}

/** The record of a decision row this store just inserted. */
export function insertedDecision(row: Insertable<DecisionsTable>): DecisionRecord {
  return toDecision({
    ...row,
    reason: row.reason ?? null,
    outcome: row.outcome ?? null,
    applied_at_ms: row.applied_at_ms ?? null,
  });
}

export function toActivation(row: Selectable<ActivationsTable>): ActivationRecord {
  return {
    integrationId: num(row.integration_id),
    companyId: num(row.company_id),
    companyName: row.company_name,
    businessId: row.business_id,
    version: num(row.version),
    status: row.status as ActivationStatus,
    technicalUsername: row.technical_username,
    sealedApiKey: row.sealed_api_key,
    requestId: numOrNull(row.request_id),
    activatedAt: new Date(num(row.activated_at_ms)),
    updatedAt: new Date(num(row.updated_at_ms)),
  };
}

export function activationRow(a: ActivationRecord) {
  return {
    integration_id: a.integrationId,
    company_id: a.companyId,
    company_name: a.companyName,
    business_id: a.businessId,
    version: a.version,
    status: a.status,
    technical_username: a.technicalUsername,
    sealed_api_key: a.sealedApiKey,
    request_id: a.requestId,
    activated_at_ms: a.activatedAt.getTime(),
    updated_at_ms: a.updatedAt.getTime(),
  };
}
