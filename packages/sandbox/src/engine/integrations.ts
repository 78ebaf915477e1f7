import type { Integration, Limits, Page, PageQuery, WireDefinition } from "@pcx/sdk/contract";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { conflict } from "../sandbox-error.js";
import { activateFixtureEnvironments, reconcileActivations } from "./activations.js";
import { type EngineContext, nowIso } from "./engine-context.js";
import { anyIntegration, ownedIntegration } from "./integration-access.js";
import { pageOf, toIntegration } from "./views.js";

/** Submits a new integration; version 1 goes to review. The definition's limit applies at once. */
export function createIntegration(
  ctx: EngineContext,
  clientId: string,
  definition: WireDefinition,
): Integration {
  const now = nowIso(ctx);
  const id = ctx.store.integrations.insert(
    clientId,
    definition.maxConcurrentActivations ?? null,
    now,
  );
  ctx.store.integrations.insertVersion(id, 1, definition, now);
  ctx.store.audit.append(
    now,
    "integration.created",
    { integrationId: id },
    { version: 1, maxConcurrentActivations: definition.maxConcurrentActivations ?? null },
  );
  ctx.emit({ type: "version-submitted", integrationId: id, version: 1 });
  return toIntegration(ctx, ctx.store.integrations.get(id)!);
}

/**
 * Submits a new version for review. Customers keep the published version
 * meanwhile; older versions still in review are superseded. A
 * `maxConcurrentActivations` in the definition applies at once (limits are not reviewed).
 */
export function updateIntegration(
  ctx: EngineContext,
  clientId: string,
  id: number,
  definition: WireDefinition,
): Integration {
  ownedIntegration(ctx, clientId, id);
  const now = nowIso(ctx);
  const latest = ctx.store.integrations.latestVersion(id)!;
  const version = latest.version + 1;
  ctx.store.integrations.insertVersion(id, version, definition, now);
  ctx.store.integrations.supersedeInReview(
    id,
    version,
    `Superseded by version ${version} before review.`,
    now,
  );
  if (definition.maxConcurrentActivations !== undefined) {
    ctx.store.integrations.setLimit(id, definition.maxConcurrentActivations, now);
  } else {
    ctx.store.integrations.touch(id, now);
  }
  ctx.store.audit.append(
    now,
    "version.submitted",
    { integrationId: id },
    // The limit in force changes here when the definition carries one (invariant tests replay it).
    definition.maxConcurrentActivations !== undefined
      ? { version, maxConcurrentActivations: definition.maxConcurrentActivations }
      : { version },
  );
  ctx.emit({ type: "version-submitted", integrationId: id, version });
  return toIntegration(ctx, ctx.store.integrations.get(id)!);
}

export function getIntegration(ctx: EngineContext, clientId: string, id: number): Integration {
  return toIntegration(ctx, ownedIntegration(ctx, clientId, id));
}

export function listIntegrations(
  ctx: EngineContext,
  clientId: string,
  query: PageQuery,
): Page<Integration> {
  const rows = ctx.store.integrations.listByClient(clientId, query.size, query.page * query.size);
  return pageOf(
    rows.map((row) => toIntegration(ctx, row)),
    ctx.store.integrations.countByClient(clientId),
    query,
  );
}

export function getLimits(ctx: EngineContext, clientId: string, id: number): Limits {
  return { maxConcurrentActivations: ownedIntegration(ctx, clientId, id).maxConcurrent };
}

/** Applies at once; requests already created keep the limit they were created under. */
export function setLimits(
  ctx: EngineContext,
  clientId: string,
  id: number,
  limits: Limits,
): Limits {
  ownedIntegration(ctx, clientId, id);
  const now = nowIso(ctx);
  ctx.store.integrations.setLimit(id, limits.maxConcurrentActivations, now);
  ctx.store.audit.append(now, "limits.set", { integrationId: id }, { ...limits });
  return getLimits(ctx, clientId, id);
}

export type ReviewDecision = "approve" | "request-changes";

/**
 * Procountor's review of the latest version (the sandbox's admin route or
 * auto-review). The first approval issues the activation link and activates
 * the "flow-activated" fixture environments; later approvals mark activations
 * whose rights were raised UPDATE_REQUIRED.
 */
export function reviewIntegration(
  ctx: EngineContext,
  id: number,
  decision: ReviewDecision,
  comment?: string,
  version?: number,
): Integration {
  anyIntegration(ctx, id);
  const latest = ctx.store.integrations.latestVersion(id)!;
  const target = version ?? latest.version;
  if (target !== latest.version) {
    throw conflict(
      API_ERROR_CODES.NOT_LATEST_VERSION,
      `Version ${target} of integration ${id} is not the latest (${latest.version}); only the latest version can be reviewed.`,
      "version",
    );
  }
  if (latest.reviewState !== "IN_REVIEW") {
    throw conflict(
      API_ERROR_CODES.NOT_IN_REVIEW,
      `Version ${target} of integration ${id} was already reviewed (${latest.reviewState}); submit a new version to review again.`,
    );
  }
  const now = nowIso(ctx);
  const approved = decision === "approve";
  const text = comment?.trim() || (approved ? null : "Changes requested by the sandbox reviewer.");
  ctx.store.integrations.review(id, target, approved ? "APPROVED" : "CHANGES_REQUESTED", text, now);
  ctx.store.integrations.touch(id, now);
  ctx.store.audit.append(
    now,
    "version.reviewed",
    { integrationId: id },
    { version: target, decision },
  );
  if (approved) {
    const first = ctx.store.integrations.get(id)!.linkIssuedAt === null;
    ctx.store.integrations.issueLink(id, now);
    if (first) activateFixtureEnvironments(ctx, id, target);
    reconcileActivations(ctx, id);
  }
  ctx.emit({ type: "version-reviewed", integrationId: id, version: target, approved });
  return toIntegration(ctx, ctx.store.integrations.get(id)!);
}
