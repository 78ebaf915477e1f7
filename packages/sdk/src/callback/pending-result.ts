import type { ActivationRequest } from "../contract/index.js";
import type { DecisionResult } from "../decisions/index.js";

/** The report of a request nothing was decided on yet (everything deferred). */
export function pendingResult(request: ActivationRequest): DecisionResult {
  const result = {
    requestId: request.id,
    request,
    environments: request.environments.map((env) => ({
      companyId: env.companyId,
      name: env.name,
      businessId: env.businessId,
      outcome: env.status === "PENDING" ? ("deferred" as const) : ("already_decided" as const),
      status: env.status,
      reason: env.reason,
      decidedBy: null,
    })),
  } as DecisionResult;
  Object.defineProperty(result, "credentials", { value: [], enumerable: false });
  return result;
}
