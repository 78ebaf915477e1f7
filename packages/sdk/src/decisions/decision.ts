import type { ActivationRequest } from "../contract/index.js";

/**
 * One environment's outcome in a decision: approve it, reject it with a
 * reason the customer reads in Procountor (1–500 characters), or defer it
 * (leave it pending, e.g. while the integrator's own page collects a
 * contract number; `complete()` decides it later).
 */
export type EnvironmentOutcome =
  | { companyId: number; action: "approve" }
  | { companyId: number; action: "reject"; reason: string }
  | { companyId: number; action: "defer" };

/**
 * A decision on one activation request: an outcome per environment (company
 * id). An environment the decision does not name stays pending, as if
 * deferred.
 */
export type Decision = readonly EnvironmentOutcome[];

/** Approves every environment of the request. */
export function approveAll(request: Pick<ActivationRequest, "environments">): Decision {
  return request.environments.map(({ companyId }) => ({ companyId, action: "approve" as const }));
}

/** Rejects every environment of the request with `reason`, which the customer reads. */
export function rejectAll(
  request: Pick<ActivationRequest, "environments">,
  reason: string,
): Decision {
  return request.environments.map(({ companyId }) => ({
    companyId,
    action: "reject" as const,
    reason,
  }));
}

/** Defers every environment of the request (decide later with `complete()`). */
export function deferAll(request: Pick<ActivationRequest, "environments">): Decision {
  return request.environments.map(({ companyId }) => ({ companyId, action: "defer" as const }));
}
