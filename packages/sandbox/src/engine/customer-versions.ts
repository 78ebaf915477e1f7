import type { IntegrationVersion } from "@pcx/sdk/contract";
import { notFound } from "../sandbox-error.js";
import type { EngineContext } from "./engine-context.js";
import { anyIntegration } from "./integration-access.js";
import { toVersion } from "./views.js";

/**
 * An approved version of an integration as the customer may see it: the
 * update flow compares the version in force in an environment with the
 * published one. Versions still in review or sent back are not shown to
 * customers (404), like unknown ones.
 */
export function approvedVersionForCustomer(
  ctx: EngineContext,
  integrationId: number,
  version: number,
): IntegrationVersion {
  anyIntegration(ctx, integrationId);
  const row = ctx.store.integrations.getVersion(integrationId, version);
  if (row?.reviewState !== "APPROVED")
    throw notFound(`Version ${version} of integration ${integrationId}`);
  return toVersion(row);
}
