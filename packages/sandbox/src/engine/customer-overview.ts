import type { ActivationRequest } from "@pcx/sdk/contract";
import { customerOf } from "./customer-environments.js";
import type { EngineContext } from "./engine-context.js";
import { toActivationRequest } from "./views.js";

/** The front page's "Hello" widget: the user's latest requests and the updates waiting for them. */
export interface CustomerOverview {
  user: { id: number; signInName: string; name: string; email: string };
  /** Newest first, with per-environment status and the integrator's reasons. */
  requests: (ActivationRequest & { integrationName: string })[];
  /** One entry per integration that needs the user's acceptance somewhere. */
  updatesRequired: {
    integrationId: number;
    integrationName: string;
    /** The version the customer would accept (the published one). */
    toVersion: number;
    environments: {
      companyId: number;
      name: string;
      businessId: string;
      version: number;
      canUpdate: boolean;
    }[];
  }[];
}

function nameOf(ctx: EngineContext, integrationId: number, version?: number): string {
  const row =
    (version !== undefined && ctx.store.integrations.getVersion(integrationId, version)) ||
    ctx.store.integrations.publishedVersion(integrationId) ||
    ctx.store.integrations.latestVersion(integrationId);
  return row ? row.definition.name : `Integration ${integrationId}`;
}

export function customerOverview(ctx: EngineContext, userId: number, limit = 10): CustomerOverview {
  const user = customerOf(ctx, userId);
  const requests = ctx.store.requests.listByUser(userId, limit).map((row) => ({
    ...toActivationRequest(ctx, row),
    integrationName: nameOf(ctx, row.integrationId, row.version),
  }));
  const byIntegration = new Map<number, CustomerOverview["updatesRequired"][number]>();
  for (const company of ctx.store.directory.membershipsOf(userId)) {
    for (const activation of ctx.store.activations.ofCompany(company.id)) {
      if (activation.status !== "UPDATE_REQUIRED") continue;
      const id = activation.integrationId;
      let entry = byIntegration.get(id);
      if (!entry) {
        const published = ctx.store.integrations.publishedVersion(id);
        entry = {
          integrationId: id,
          integrationName: nameOf(ctx, id),
          toVersion: published?.version ?? activation.version,
          environments: [],
        };
        byIntegration.set(id, entry);
      }
      entry.environments.push({
        companyId: company.id,
        name: company.name,
        businessId: company.businessId,
        version: activation.version,
        canUpdate:
          company.userManagement &&
          ctx.store.requests.pendingRequestFor(id, company.id) === undefined,
      });
    }
  }
  return { user, requests, updatesRequired: [...byIntegration.values()] };
}
