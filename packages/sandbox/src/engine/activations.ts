import type {
  Activation,
  ActivationStatus,
  Page,
  PageQuery,
  TechnicalUserCredential,
} from "@pcx/sdk/contract";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { conflict, SandboxError } from "../sandbox-error.js";
import { type EngineContext, newSecret, nowIso } from "./engine-context.js";
import { ownedIntegration } from "./integration-access.js";
import { completeIfDecided } from "./request-status.js";
import { requiresCustomerAcceptance } from "./requires-customer-acceptance.js";
import { pageOf, toActivation } from "./views.js";

/**
 * Where an activation that accepted `version` stands against the published
 * version: ACTIVE on the published version when the newer versions need no
 * acceptance (rights not raised), else UPDATE_REQUIRED on its own version
 * (its old rights stay in force until the customer accepts).
 */
function standing(
  ctx: EngineContext,
  integrationId: number,
  version: number,
): { status: ActivationStatus; version: number } {
  const published = ctx.store.integrations.publishedVersion(integrationId);
  if (!published || published.version <= version) return { status: "ACTIVE", version };
  const accepted = ctx.store.integrations.getVersion(integrationId, version);
  if (!accepted)
    throw new Error(`sandbox bug: integration ${integrationId} lacks version ${version}`);
  return requiresCustomerAcceptance(accepted.definition, published.definition)
    ? { status: "UPDATE_REQUIRED", version }
    : { status: "ACTIVE", version: published.version };
}

/** Revokes the environment's technical keys and issues a fresh one. */
function issueTechnicalKey(
  ctx: EngineContext,
  clientId: string,
  integrationId: number,
  companyId: number,
  username: string,
): string {
  const now = nowIso(ctx);
  ctx.store.credentials.revokeKeysOf(integrationId, companyId, now);
  const apiKey = newSecret("pcxs_key");
  ctx.store.credentials.insertKey({
    apiKey,
    clientId,
    kind: "technical",
    username,
    integrationId,
    companyId,
    createdAt: now,
  });
  return apiKey;
}

/**
 * Applies an approved environment: creates or re-activates the activation
 * (ACTIVATION, fresh key) or moves it to the accepted version (UPDATE, same
 * key unless the technical user changed). Returns the technical user's credential.
 */
export function settleActivation(
  ctx: EngineContext,
  args: {
    clientId: string;
    integrationId: number;
    companyId: number;
    version: number;
    kind: "ACTIVATION" | "UPDATE";
    fixture?: boolean;
  },
): TechnicalUserCredential {
  const { clientId, integrationId, companyId } = args;
  const target = standing(ctx, integrationId, args.version);
  const inForce = ctx.store.integrations.getVersion(integrationId, target.version);
  if (!inForce)
    throw new Error(`sandbox bug: integration ${integrationId} lacks version ${target.version}`);
  const username = inForce.definition.technicalUser.username;
  const now = nowIso(ctx);
  ctx.store.activations.upsert({
    integrationId,
    companyId,
    ...target,
    technicalUsername: username,
    now,
  });
  const live = ctx.store.credentials.liveKeyOf(integrationId, companyId)[0];
  const apiKey =
    args.kind === "UPDATE" && live && live.username === username
      ? live.apiKey
      : issueTechnicalKey(ctx, clientId, integrationId, companyId, username);
  ctx.store.audit.append(
    now,
    args.kind === "ACTIVATION" ? "activation.activated" : "activation.updated",
    { integrationId, companyId },
    { acceptedVersion: args.version, ...target, ...(args.fixture ? { fixture: true } : {}) },
  );
  ctx.emit({ type: "activation-changed", integrationId, companyId });
  return { companyId, username, apiKey };
}

/** After a version is approved: activations on older versions become UPDATE_REQUIRED or move up silently. */
export function reconcileActivations(ctx: EngineContext, integrationId: number): void {
  const now = nowIso(ctx);
  for (const activation of ctx.store.activations.inForce(integrationId)) {
    const target = standing(ctx, integrationId, activation.version);
    if (target.status === activation.status && target.version === activation.version) continue;
    ctx.store.activations.setState(
      integrationId,
      activation.companyId,
      target.status,
      target.version,
      now,
    );
    ctx.store.audit.append(
      now,
      target.status === "UPDATE_REQUIRED" ? "activation.update-required" : "activation.updated",
      { integrationId, companyId: activation.companyId },
      { from: { status: activation.status, version: activation.version }, to: target },
    );
    ctx.emit({ type: "activation-changed", integrationId, companyId: activation.companyId });
  }
}

/**
 * Fixture rule (docs/sandbox.md): when an integration is first approved,
 * every "flow-activated" fixture environment gets an ACTIVE activation of it.
 */
export function activateFixtureEnvironments(
  ctx: EngineContext,
  integrationId: number,
  version: number,
): void {
  const integration = ctx.store.integrations.get(integrationId);
  if (!integration) return;
  for (const company of ctx.store.directory.companiesWithRole("flow-activated")) {
    if (ctx.store.activations.get(integrationId, company.id)) continue;
    settleActivation(ctx, {
      clientId: integration.clientId,
      integrationId,
      companyId: company.id,
      version,
      kind: "ACTIVATION",
      fixture: true,
    });
  }
}

export function listActivations(
  ctx: EngineContext,
  clientId: string,
  integrationId: number,
  query: PageQuery & { status?: ActivationStatus | undefined },
): Page<Activation> {
  ownedIntegration(ctx, clientId, integrationId);
  const status = query.status ?? null;
  const rows = ctx.store.activations.list(
    integrationId,
    status,
    query.size,
    query.page * query.size,
  );
  return pageOf(rows.map(toActivation), ctx.store.activations.count(integrationId, status), query);
}

/**
 * The integrator removes its integration from one environment: REMOVED, the
 * technical user's keys stop working at once, and pending update requests
 * for that environment are rejected with a reason the customer sees.
 */
export function deactivate(
  ctx: EngineContext,
  clientId: string,
  integrationId: number,
  companyId: number,
): Activation {
  ownedIntegration(ctx, clientId, integrationId);
  const activation = ctx.store.activations.get(integrationId, companyId);
  if (!activation) {
    throw new SandboxError(
      404,
      API_ERROR_CODES.NOT_FOUND,
      `Integration ${integrationId} has never been activated in environment ${companyId}.`,
    );
  }
  if (activation.status === "REMOVED") {
    throw conflict(
      API_ERROR_CODES.ALREADY_REMOVED,
      `Integration ${integrationId} was already removed from environment ${companyId} (${activation.companyName}) at ${activation.updatedAt}.`,
    );
  }
  const now = nowIso(ctx);
  ctx.store.activations.setState(integrationId, companyId, "REMOVED", activation.version, now);
  ctx.store.credentials.revokeKeysOf(integrationId, companyId, now);
  ctx.store.audit.append(
    now,
    "activation.removed",
    { integrationId, companyId },
    { version: activation.version },
  );
  const pendingId = ctx.store.requests.pendingRequestFor(integrationId, companyId);
  if (pendingId !== undefined) {
    const reason = "The integrator removed the integration from this environment.";
    ctx.store.requests.decide(pendingId, companyId, "REJECTED", reason, now);
    ctx.store.audit.append(
      now,
      "environment.decided",
      { integrationId, requestId: pendingId, companyId },
      { decision: "REJECTED", reason, by: "deactivation" },
    );
    completeIfDecided(ctx, pendingId);
  }
  ctx.emit({ type: "activation-changed", integrationId, companyId });
  return toActivation(ctx.store.activations.get(integrationId, companyId)!);
}
