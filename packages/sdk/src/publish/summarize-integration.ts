import type { CallOptions } from "../client/client-options.js";
import type { ProcountorClient } from "../client/procountor-client.js";
import type { ActivationStatus, ReviewState } from "../contract/index.js";
import { callOptions } from "./plan-publish.js";

/** One row of `IntegrationSummary.activations.byVersion`. */
export interface ActivationCount {
  version: number;
  status: ActivationStatus;
  count: number;
}

/** Where an integration stands: what `pcx status` shows. */
export interface IntegrationSummary {
  integrationId: number;
  /** The latest version's name. */
  name: string;
  latest: {
    version: number;
    reviewState: ReviewState;
    reviewComment: string | null;
    submittedAt: string;
    reviewedAt: string | null;
  };
  /** The version customers activate; null until one is approved. */
  published: { version: number; reviewedAt: string | null } | null;
  activationLink: string | null;
  /** The concurrent-activation limit in force; null = no limit. */
  maxConcurrentActivations: number | null;
  /**
   * The limit the latest version's definition declares, which the next
   * publish puts back in force; null when the definition leaves the limit alone.
   */
  definitionLimit: number | null;
  activations: {
    total: number;
    /** One row per version and status, newest version first, then ACTIVE, UPDATE_REQUIRED, REMOVED. */
    byVersion: ActivationCount[];
  };
  /** Activation requests waiting for a decision. */
  pendingRequests: number;
}

const STATUS_ORDER: readonly ActivationStatus[] = ["ACTIVE", "UPDATE_REQUIRED", "REMOVED"];

/**
 * Reads an integration's review state, versions, link and limit, counts its
 * activations by version and status, and its pending activation requests.
 * Reads only. The API's `pcx_not_found` passes through for an unknown `id`.
 */
export async function summarizeIntegration(
  client: Pick<ProcountorClient, "integrations" | "activations" | "activationRequests">,
  id: number,
  options: CallOptions = {},
): Promise<IntegrationSummary> {
  const call = callOptions(options);
  const integration = await client.integrations.get(id, call);
  const counts = new Map<string, ActivationCount>();
  let total = 0;
  for await (const a of client.activations.list(integration.id, { ...call, size: 200 })) {
    const key = `${a.version}:${a.status}`;
    const row = counts.get(key) ?? { version: a.version, status: a.status, count: 0 };
    row.count += 1;
    counts.set(key, row);
    total += 1;
  }
  const pending = await client.activationRequests.listPage(integration.id, {
    ...call,
    status: "PENDING",
    size: 1,
  });
  const { latest, published } = integration;
  return {
    integrationId: integration.id,
    name: latest.definition.name,
    latest: {
      version: latest.version,
      reviewState: latest.reviewState,
      reviewComment: latest.reviewComment,
      submittedAt: latest.submittedAt,
      reviewedAt: latest.reviewedAt,
    },
    published: published ? { version: published.version, reviewedAt: published.reviewedAt } : null,
    activationLink: integration.activationLink,
    maxConcurrentActivations: integration.maxConcurrentActivations,
    definitionLimit: latest.definition.maxConcurrentActivations ?? null,
    activations: {
      total,
      byVersion: [...counts.values()].sort(
        (a, b) =>
          b.version - a.version || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
      ),
    },
    pendingRequests: pending.meta.totalCount,
  };
}
