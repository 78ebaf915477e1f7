import type { MutationOptions } from "../client/client-options.js";
import type { Integration, ReviewState, WireDefinition } from "../contract/index.js";
import type { IntegrationDefinition } from "../definition/index.js";
import { PcxError } from "../errors/index.js";
import { callOptions, type PublishClient } from "./plan-publish.js";
import type { PublishPlan } from "./publish-plan.js";
import { toWireDefinition } from "./to-wire-definition.js";

/** The integration after `applyPublishPlan`. */
export interface PublishOutcome {
  integrationId: number;
  /** The latest version: the one just submitted (create, update), else the latest there was. */
  version: number;
  reviewState: ReviewState;
  reviewComment: string | null;
  /** The version customers activate; null until one is approved. */
  publishedVersion: number | null;
  activationLink: string | null;
  /** The limit in force afterwards; null = no limit. */
  maxConcurrentActivations: number | null;
}

function outcome(integration: Integration): PublishOutcome {
  return {
    integrationId: integration.id,
    version: integration.latest.version,
    reviewState: integration.latest.reviewState,
    reviewComment: integration.latest.reviewComment,
    publishedVersion: integration.published?.version ?? null,
    activationLink: integration.activationLink,
    maxConcurrentActivations: integration.maxConcurrentActivations,
  };
}

/**
 * Does what `plan` (from `planPublish` with the same definition) says: creates
 * the integration, submits the new version (the definition's limit, when it
 * declares one, applies with it), or sets the limit alone. One mutating call,
 * retried safely under its idempotency key (`options.idempotencyKey`, default
 * a random one per call). Returns null when the plan's action is "none".
 */
export async function applyPublishPlan(
  client: PublishClient,
  definition: IntegrationDefinition | WireDefinition,
  plan: PublishPlan,
  options: MutationOptions = {},
): Promise<PublishOutcome | null> {
  const wire = toWireDefinition(definition);
  const id = plan.integrationId;
  switch (plan.action) {
    case "none":
      return null;
    case "create":
      return outcome(await client.integrations.create(wire, options));
    case "update":
      return outcome(await client.integrations.update(need(id), wire, options));
    case "set-limit": {
      await client.integrations.setLimits(need(id), plan.limit?.definition ?? null, options);
      return outcome(await client.integrations.get(need(id), callOptions(options)));
    }
  }
}

function need(id: number | null): number {
  if (id === null) {
    throw new PcxError("pcx_usage", "This publish plan names no integration to update.", {
      hint: "Pass the plan that planPublish returned for this definition, unchanged.",
    });
  }
  return id;
}
