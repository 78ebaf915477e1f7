import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { notFound, SandboxError } from "../sandbox-error.js";
import type { IntegrationRow, VersionRow } from "../store/integration-repo.js";
import type { EngineContext } from "./engine-context.js";

/** The integration if this API client owns it; 404 otherwise (existence is not leaked). */
export function ownedIntegration(ctx: EngineContext, clientId: string, id: number): IntegrationRow {
  const row = ctx.store.integrations.get(id);
  if (!row || row.clientId !== clientId) throw notFound(`Integration ${id}`);
  return row;
}

/** Any integration, for the customer's side and the reviewer. */
export function anyIntegration(ctx: EngineContext, id: number): IntegrationRow {
  const row = ctx.store.integrations.get(id);
  if (!row) throw notFound(`Integration ${id}`);
  return row;
}

/** The newest approved version: what customers activate. 409 when none is approved yet. */
export function publishedVersionOf(ctx: EngineContext, integrationId: number): VersionRow {
  const published = ctx.store.integrations.publishedVersion(integrationId);
  if (!published) {
    throw new SandboxError(
      409,
      API_ERROR_CODES.NOT_PUBLISHED,
      `Integration ${integrationId} has no approved version yet; customers can activate it once its definition is approved (review it with POST /sandbox/integrations/${integrationId}/review or start the sandbox with autoReview).`,
    );
  }
  return published;
}
