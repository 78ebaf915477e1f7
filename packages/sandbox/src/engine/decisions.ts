import type {
  ActivationRequest,
  ApproveBody,
  ApproveResult,
  Page,
  PageQuery,
  RejectBody,
  RejectResult,
  RequestStatus,
  TechnicalUserCredential,
} from "@pcx/sdk/contract";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { conflict, invalid, notFound } from "../sandbox-error.js";
import type { RequestEnvironmentRow, RequestRow } from "../store/request-repo.js";
import { settleActivation } from "./activations.js";
import { type EngineContext, nowIso } from "./engine-context.js";
import { ownedIntegration } from "./integration-access.js";
import { completeIfDecided } from "./request-status.js";
import { toActivationRequest } from "./views.js";

/** The request if it belongs to one of this client's integrations; 404 otherwise. */
export function ownedRequest(ctx: EngineContext, clientId: string, requestId: number): RequestRow {
  const request = ctx.store.requests.get(requestId);
  if (!request) throw notFound(`Activation request ${requestId}`);
  const integration = ctx.store.integrations.get(request.integrationId);
  if (!integration || integration.clientId !== clientId)
    throw notFound(`Activation request ${requestId}`);
  return request;
}

export function getActivationRequest(
  ctx: EngineContext,
  clientId: string,
  requestId: number,
): ActivationRequest {
  return toActivationRequest(ctx, ownedRequest(ctx, clientId, requestId));
}

/**
 * The environments a decision applies to: the listed ones, or every pending
 * one. Deciding an environment twice is a 409 naming it (never a silent
 * success: a replay of the same Idempotency-Key is answered before this).
 * Nothing is decided unless every listed environment can be.
 */
function environmentsToDecide(
  request: RequestRow,
  all: RequestEnvironmentRow[],
  listed: number[] | undefined,
): RequestEnvironmentRow[] {
  const expiredMessage = `Activation request ${request.id} expired at ${request.expiresAt}; it can no longer be decided. The customer has to start again.`;
  if (listed === undefined) {
    const pending = all.filter((env) => env.status === "PENDING");
    if (pending.length > 0) return pending;
    if (request.status === "EXPIRED")
      throw conflict(API_ERROR_CODES.REQUEST_EXPIRED, expiredMessage);
    throw conflict(
      API_ERROR_CODES.ALREADY_DECIDED,
      `Every environment of activation request ${request.id} was already decided: ${describe(all)}.`,
    );
  }
  const byId = new Map(all.map((env) => [env.companyId, env]));
  const seen = new Set<number>();
  const chosen = listed.map((companyId, index) => {
    const env = byId.get(companyId);
    if (!env)
      throw invalid(
        `environments[${index}]`,
        `Environment ${companyId} is not part of activation request ${request.id}; it has ${all.map((e) => e.companyId).join(", ")}.`,
      );
    if (seen.has(companyId))
      throw invalid(`environments[${index}]`, `Environment ${companyId} is listed twice.`);
    seen.add(companyId);
    return env;
  });
  const expired = chosen.filter((env) => env.status === "EXPIRED");
  if (expired.length > 0) throw conflict(API_ERROR_CODES.REQUEST_EXPIRED, expiredMessage);
  const decided = chosen.filter((env) => env.status !== "PENDING");
  if (decided.length > 0) {
    throw conflict(
      API_ERROR_CODES.ALREADY_DECIDED,
      `Activation request ${request.id}: ${describe(decided)}; each environment is decided once. Nothing was changed.`,
    );
  }
  return chosen;
}

function describe(envs: RequestEnvironmentRow[]): string {
  return envs
    .map(
      (env) =>
        `environment ${env.companyId} (${env.name}) was already ${env.status.toLowerCase()}${env.decidedAt ? ` at ${env.decidedAt}` : ""}`,
    )
    .join("; ");
}

/**
 * Approves the listed (or all pending) environments: each gets its
 * activation ACTIVE on the request's version and the technical user's API key.
 */
export function approveRequest(
  ctx: EngineContext,
  clientId: string,
  requestId: number,
  body: ApproveBody,
): ApproveResult {
  const request = ownedRequest(ctx, clientId, requestId);
  const integration = ownedIntegration(ctx, clientId, request.integrationId);
  const chosen = environmentsToDecide(
    request,
    ctx.store.requests.environments(requestId),
    body.environments,
  );
  const now = nowIso(ctx);
  const credentials: TechnicalUserCredential[] = [];
  for (const env of chosen) {
    const activation = ctx.store.activations.get(request.integrationId, env.companyId);
    if (request.kind === "ACTIVATION" && activation && activation.status !== "REMOVED") {
      // Unreachable through the customer's flow (an active environment is not selectable); kept as a guard.
      throw conflict(
        API_ERROR_CODES.ALREADY_ACTIVE,
        `Integration ${request.integrationId} is already active in environment ${env.companyId}; reject this environment instead.`,
      );
    }
    if (request.kind === "UPDATE" && (!activation || activation.status === "REMOVED")) {
      throw conflict(
        API_ERROR_CODES.NOT_ACTIVE,
        `Integration ${request.integrationId} is no longer active in environment ${env.companyId}; reject this environment instead.`,
      );
    }
    ctx.store.requests.decide(requestId, env.companyId, "APPROVED", null, now);
    ctx.store.audit.append(
      now,
      "environment.decided",
      { integrationId: request.integrationId, requestId, companyId: env.companyId },
      { decision: "APPROVED" },
    );
    credentials.push(
      settleActivation(ctx, {
        clientId: integration.clientId,
        integrationId: request.integrationId,
        companyId: env.companyId,
        version: request.version,
        kind: request.kind,
      }),
    );
  }
  completeIfDecided(ctx, requestId);
  return { request: toActivationRequest(ctx, ctx.store.requests.get(requestId)!), credentials };
}

/** Rejects the listed (or all pending) environments with a reason the customer sees. */
export function rejectRequest(
  ctx: EngineContext,
  clientId: string,
  requestId: number,
  body: RejectBody,
): RejectResult {
  const request = ownedRequest(ctx, clientId, requestId);
  const chosen = environmentsToDecide(
    request,
    ctx.store.requests.environments(requestId),
    body.environments,
  );
  const now = nowIso(ctx);
  for (const env of chosen) {
    ctx.store.requests.decide(requestId, env.companyId, "REJECTED", body.reason, now);
    ctx.store.audit.append(
      now,
      "environment.decided",
      { integrationId: request.integrationId, requestId, companyId: env.companyId },
      { decision: "REJECTED", reason: body.reason },
    );
  }
  completeIfDecided(ctx, requestId);
  return { request: toActivationRequest(ctx, ctx.store.requests.get(requestId)!) };
}

export function listActivationRequestsOf(
  ctx: EngineContext,
  clientId: string,
  integrationId: number,
  query: PageQuery & { status?: RequestStatus | undefined },
): Page<ActivationRequest> {
  ownedIntegration(ctx, clientId, integrationId);
  const status = query.status ?? null;
  const rows = ctx.store.requests.list(integrationId, status, query.size, query.page * query.size);
  return {
    results: rows.map((row) => toActivationRequest(ctx, row)),
    meta: {
      pageNumber: query.page,
      pageSize: query.size,
      resultCount: rows.length,
      totalCount: ctx.store.requests.count(integrationId, status),
    },
  };
}
