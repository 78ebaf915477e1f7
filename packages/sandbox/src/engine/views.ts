import type {
  Activation,
  ActivationRequest,
  Integration,
  IntegrationVersion,
  Page,
  PageQuery,
} from "@pcx/sdk/contract";
import type { ActivationRow } from "../store/activation-repo.js";
import type { IntegrationRow, VersionRow } from "../store/integration-repo.js";
import type { RequestRow } from "../store/request-repo.js";
import type { EngineContext } from "./engine-context.js";

/** Rows → the contract's wire shapes. */

export function activationLinkOf(ctx: EngineContext, integrationId: number): string {
  return `${ctx.publicUrl()}/activate/${integrationId}`;
}

export function toVersion(row: VersionRow): IntegrationVersion {
  return {
    version: row.version,
    reviewState: row.reviewState,
    reviewComment: row.reviewComment,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
    definition: row.definition,
  };
}

export function toIntegration(ctx: EngineContext, row: IntegrationRow): Integration {
  const latest = ctx.store.integrations.latestVersion(row.id);
  if (!latest) throw new Error(`sandbox bug: integration ${row.id} has no version`);
  const published = ctx.store.integrations.publishedVersion(row.id);
  return {
    id: row.id,
    latest: toVersion(latest),
    published: published ? toVersion(published) : null,
    activationLink: row.linkIssuedAt ? activationLinkOf(ctx, row.id) : null,
    maxConcurrentActivations: row.maxConcurrent,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toActivationRequest(ctx: EngineContext, row: RequestRow): ActivationRequest {
  const user = ctx.store.directory.getUser(row.userId);
  return {
    id: row.id,
    integrationId: row.integrationId,
    integrationVersion: row.version,
    kind: row.kind,
    status: row.status,
    requestedBy: {
      userId: row.userId,
      name: user?.name ?? "(unknown user)",
      email: user?.email ?? "",
    },
    state: row.state,
    environments: ctx.store.requests.environments(row.id).map((env) => ({
      companyId: env.companyId,
      name: env.name,
      businessId: env.businessId,
      status: env.status,
      reason: env.reason,
      decidedAt: env.decidedAt,
    })),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

export function toActivation(row: ActivationRow): Activation {
  return {
    companyId: row.companyId,
    companyName: row.companyName,
    businessId: row.businessId,
    version: row.version,
    status: row.status,
    technicalUsername: row.technicalUsername,
    activatedAt: row.activatedAt,
    updatedAt: row.updatedAt,
  };
}

/** `{results, meta}` for one page of `total` items. */
export function pageOf<T>(results: T[], total: number, query: PageQuery): Page<T> {
  return {
    results,
    meta: {
      pageNumber: query.page,
      pageSize: query.size,
      resultCount: results.length,
      totalCount: total,
    },
  };
}
