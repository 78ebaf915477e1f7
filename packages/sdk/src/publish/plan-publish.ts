import type { CallOptions } from "../client/client-options.js";
import type { ProcountorClient } from "../client/procountor-client.js";
import type { Integration, WireDefinition } from "../contract/index.js";
import type { IntegrationDefinition } from "../definition/index.js";
import { diffDefinitions } from "../definition/index.js";
import { isPcxError } from "../errors/index.js";
import type { PublishLimit, PublishPlan } from "./publish-plan.js";
import { toWireDefinition } from "./to-wire-definition.js";

/** The parts of the client that planning and applying use. */
export type PublishClient = Pick<ProcountorClient, "integrations" | "activations">;

/** Options of `planPublish`; the call options apply to each read it makes. */
export interface PlanPublishOptions extends CallOptions {
  /** The integration to publish a new version of. Default: none (a new integration is planned). */
  integrationId?: number;
  /** Plan a new integration even when `integrationId` is given or one has the same name. Default false. */
  createNew?: boolean;
  /**
   * When `integrationId` does not exist: `"error"` throws the API's
   * `pcx_not_found`; `"create"` plans a new integration and reports the id in
   * `missingIntegrationId` (for an id remembered from a world that is gone,
   * e.g. a restarted sandbox). Default `"error"`.
   */
  ifMissing?: "error" | "create";
}

/** Integrations listed per page when looking for the same name and counting activations. */
const PAGE_SIZE = 200;

function limitFor(wire: WireDefinition, live: number | null): PublishLimit | null {
  const declared = wire.maxConcurrentActivations;
  if (declared === undefined) return null;
  return { live, definition: declared, changes: declared !== live };
}

/** The per-call options of `options`, for each call made. */
export function callOptions(options: CallOptions): CallOptions {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  };
}

async function findIntegration(
  client: PublishClient,
  options: PlanPublishOptions,
  call: CallOptions,
): Promise<{ integration: Integration | null; missing: number | null }> {
  const id = options.integrationId;
  if (id === undefined || options.createNew) return { integration: null, missing: null };
  try {
    return { integration: await client.integrations.get(id, call), missing: null };
  } catch (error) {
    if (options.ifMissing === "create" && isPcxError(error) && error.code === "pcx_not_found") {
      return { integration: null, missing: id };
    }
    throw error;
  }
}

async function integrationsNamed(
  client: PublishClient,
  name: string,
  options: CallOptions,
): Promise<number[]> {
  const ids: number[] = [];
  for await (const existing of client.integrations.list({ ...options, size: PAGE_SIZE })) {
    if (existing.latest.definition.name === name) ids.push(existing.id);
  }
  return ids;
}

async function countEnvironmentsToUpdate(
  client: PublishClient,
  id: number,
  options: CallOptions,
): Promise<number> {
  let count = 0;
  for await (const activation of client.activations.list(id, { ...options, size: PAGE_SIZE })) {
    if (activation.status !== "REMOVED") count += 1;
  }
  return count;
}

/**
 * What publishing `definition` would do: create an integration, submit a new
 * version of it, only put the definition's limit in force, or nothing. Each
 * change is classified with `diffDefinitions(published, definition)`
 * (against the latest version while none is published); "nothing changed"
 * is judged against the latest version. Reads only.
 *
 * The limit has one owner: when the definition declares
 * `maxConcurrentActivations`, publishing applies it (also over a value set
 * since with `setLimits`); when it does not, the limit is never touched.
 */
export async function planPublish(
  client: PublishClient,
  definition: IntegrationDefinition | WireDefinition,
  options: PlanPublishOptions = {},
): Promise<PublishPlan> {
  const wire = toWireDefinition(definition);
  const call = callOptions(options);
  const { integration, missing } = await findIntegration(client, options, call);

  if (!integration) {
    return {
      action: "create",
      integrationId: null,
      name: wire.name,
      against: null,
      nextVersion: 1,
      supersedes: null,
      classification: "needs-review",
      requiresCustomerUpdate: false,
      needsReview: true,
      changes: [],
      environmentsToUpdate: 0,
      limit: limitFor(wire, null),
      sameName: options.createNew ? [] : await integrationsNamed(client, wire.name, call),
      missingIntegrationId: missing,
    };
  }

  const { latest, published } = integration;
  const compared = published ?? latest;
  const diff = diffDefinitions(compared.definition, wire);
  const unchanged = diffDefinitions(latest.definition, wire).changes.length === 0;
  const limit = limitFor(wire, integration.maxConcurrentActivations);
  const plan: PublishPlan = {
    action: unchanged ? (limit?.changes ? "set-limit" : "none") : "update",
    integrationId: integration.id,
    name: wire.name,
    against: {
      version: compared.version,
      reviewState: compared.reviewState,
      published: published !== null,
    },
    nextVersion: unchanged ? null : latest.version + 1,
    supersedes:
      !unchanged && latest.version !== published?.version
        ? { version: latest.version, reviewState: latest.reviewState }
        : null,
    classification: unchanged ? "none" : diff.classification,
    requiresCustomerUpdate: !unchanged && diff.requiresCustomerUpdate,
    needsReview: !unchanged && diff.needsReview,
    changes: unchanged ? [] : diff.changes,
    environmentsToUpdate: 0,
    limit,
    sameName: [],
    missingIntegrationId: null,
  };
  if (plan.requiresCustomerUpdate && published) {
    plan.environmentsToUpdate = await countEnvironmentsToUpdate(client, integration.id, call);
  }
  return plan;
}
