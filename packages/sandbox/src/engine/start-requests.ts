import type { ActivationRequest } from "@pcx/sdk/contract";
import { API_ERROR_CODES, MAX_STATE_LENGTH } from "@pcx/sdk/contract";
import { conflict, invalid, notFound, SandboxError } from "../sandbox-error.js";
import {
  type CustomerEnvironment,
  customerOf,
  describeEnvironments,
  explainNotSelectable,
} from "./customer-environments.js";
import { type EngineContext, nowIso } from "./engine-context.js";
import { anyIntegration, publishedVersionOf } from "./integration-access.js";
import { toActivationRequest } from "./views.js";

/** A new request and where to send the customer next (the integrator's callback). */
export interface StartedRequest {
  request: ActivationRequest;
  /** `{callbackUrl}?activationRequestId=…&state=…` (state only when the link carried one). */
  callbackUrl: string;
}

export interface StartActivationInput {
  userId: number;
  integrationId: number;
  companyIds: number[];
  /** The `state` query value of the activation link, passed through untouched. */
  state?: string | null;
}

export interface StartUpdateInput {
  userId: number;
  integrationId: number;
  /** Default: every environment where the user can update the integration. */
  companyIds?: number[];
}

function checkPicked(companyIds: number[], limit: number | null): void {
  if (companyIds.length === 0) {
    throw invalid("companyIds", "Pick at least one environment.", API_ERROR_CODES.REQUIRED);
  }
  const seen = new Set<number>();
  companyIds.forEach((id, index) => {
    if (seen.has(id)) throw invalid(`companyIds[${index}]`, `Environment ${id} is picked twice.`);
    seen.add(id);
  });
  if (limit !== null && companyIds.length > limit) {
    throw new SandboxError(
      422,
      API_ERROR_CODES.LIMIT_EXCEEDED,
      `You picked ${companyIds.length} environments; this integration allows at most ${limit} at once. Pick ${limit} or fewer and activate the rest afterwards.`,
      "companyIds",
    );
  }
}

function createRequest(
  ctx: EngineContext,
  args: {
    userId: number;
    integrationId: number;
    version: number;
    kind: "ACTIVATION" | "UPDATE";
    state: string | null;
    limit: number | null;
    companyIds: number[];
  },
): StartedRequest {
  const now = ctx.now();
  const requestId = ctx.store.requests.insert({
    integrationId: args.integrationId,
    version: args.version,
    kind: args.kind,
    userId: args.userId,
    state: args.state,
    limitAtCreation: args.limit,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.requestTtlMs).toISOString(),
  });
  args.companyIds.forEach((companyId, position) => {
    ctx.store.requests.insertEnvironment(requestId, companyId, position);
  });
  ctx.store.audit.append(
    nowIso(ctx),
    "request.created",
    { integrationId: args.integrationId, requestId },
    { kind: args.kind, version: args.version, companyIds: args.companyIds, limit: args.limit },
  );
  ctx.emit({ type: "request-created", requestId, integrationId: args.integrationId });
  const request = toActivationRequest(ctx, ctx.store.requests.get(requestId)!);
  return { request, callbackUrl: callbackUrlFor(ctx, request) };
}

/** The integrator's callback URL for a request (the callback is a browser redirect, docs/contract.md). */
export function callbackUrlFor(ctx: EngineContext, request: ActivationRequest): string {
  const version = ctx.store.integrations.getVersion(
    request.integrationId,
    request.integrationVersion,
  );
  if (!version)
    throw notFound(`Version ${request.integrationVersion} of integration ${request.integrationId}`);
  const url = new URL(version.definition.callbackUrl);
  url.searchParams.set("activationRequestId", String(request.id));
  if (request.state !== null) url.searchParams.set("state", request.state);
  return url.toString();
}

function pickedEnvironments(
  ctx: EngineContext,
  userId: number,
  integrationId: number,
  companyIds: number[],
): CustomerEnvironment[] {
  const byId = new Map(
    describeEnvironments(ctx, userId, integrationId).map((e) => [e.companyId, e]),
  );
  return companyIds.map((companyId, index) => {
    const env = byId.get(companyId);
    if (!env)
      throw invalid(
        `companyIds[${index}]`,
        `Environment ${companyId} is not one of your environments.`,
        API_ERROR_CODES.NOT_SELECTABLE,
      );
    return env;
  });
}

/**
 * The customer picks environments and accepts: a PENDING ACTIVATION request
 * of the published version, waiting for the integrator's decision.
 */
export function startActivation(ctx: EngineContext, input: StartActivationInput): StartedRequest {
  customerOf(ctx, input.userId);
  const integration = anyIntegration(ctx, input.integrationId);
  const published = publishedVersionOf(ctx, input.integrationId);
  const state = input.state ?? null;
  if (state !== null && state.length > MAX_STATE_LENGTH) {
    throw invalid(
      "state",
      `The link's state is ${state.length} characters; at most ${MAX_STATE_LENGTH} are kept.`,
    );
  }
  checkPicked(input.companyIds, integration.maxConcurrent);
  pickedEnvironments(ctx, input.userId, input.integrationId, input.companyIds).forEach(
    (env, index) => {
      if (!env.selectable) {
        const status = env.notSelectableReason === "NO_USER_MANAGEMENT" ? 400 : 409;
        throw new SandboxError(
          status,
          API_ERROR_CODES.NOT_SELECTABLE,
          explainNotSelectable(env),
          `companyIds[${index}]`,
        );
      }
    },
  );
  return createRequest(ctx, {
    userId: input.userId,
    integrationId: input.integrationId,
    version: published.version,
    kind: "ACTIVATION",
    state,
    limit: integration.maxConcurrent,
    companyIds: input.companyIds,
  });
}

/**
 * The customer accepts an "Update required": a PENDING UPDATE request of the
 * published version for environments whose activation is UPDATE_REQUIRED.
 */
export function startUpdate(ctx: EngineContext, input: StartUpdateInput): StartedRequest {
  customerOf(ctx, input.userId);
  const integration = anyIntegration(ctx, input.integrationId);
  const published = publishedVersionOf(ctx, input.integrationId);
  const all = describeEnvironments(ctx, input.userId, input.integrationId);
  const updatable = (env: CustomerEnvironment) =>
    env.userManagement &&
    env.activation?.status === "UPDATE_REQUIRED" &&
    env.pendingRequestId === null;
  const companyIds = input.companyIds ?? all.filter(updatable).map((env) => env.companyId);
  if (input.companyIds === undefined && companyIds.length === 0) {
    throw conflict(
      API_ERROR_CODES.NOTHING_TO_UPDATE,
      `Integration ${input.integrationId} needs no update in any of your environments.`,
    );
  }
  checkPicked(companyIds, integration.maxConcurrent);
  pickedEnvironments(ctx, input.userId, input.integrationId, companyIds).forEach((env, index) => {
    if (updatable(env)) return;
    const field = `companyIds[${index}]`;
    const who = `${env.name} (${env.companyId})`;
    if (!env.userManagement)
      throw new SandboxError(400, API_ERROR_CODES.NOT_SELECTABLE, explainNotSelectable(env), field);
    if (env.pendingRequestId !== null)
      throw new SandboxError(409, API_ERROR_CODES.NOT_SELECTABLE, explainNotSelectable(env), field);
    throw new SandboxError(
      409,
      API_ERROR_CODES.NOT_SELECTABLE,
      `The integration needs no update in ${who}${env.activation ? ` (it is ${env.activation.status})` : " (it is not activated there)"}.`,
      field,
    );
  });
  return createRequest(ctx, {
    userId: input.userId,
    integrationId: input.integrationId,
    version: published.version,
    kind: "UPDATE",
    state: null,
    limit: integration.maxConcurrent,
    companyIds,
  });
}
