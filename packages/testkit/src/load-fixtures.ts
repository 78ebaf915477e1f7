import type { Sandbox } from "@pcx/sandbox";
import type { ActivationRequest } from "@pcx/sdk/contract";

/**
 * Starts an activation request as a NEW customer with `companies` fresh
 * environments (the sandbox's POST /sandbox/customers), so any number of
 * requests can be pending at once. `state` is the link's state, or null.
 */
export function startAsNewCustomer(
  sandbox: Sandbox,
  integrationId: number,
  options: { companies?: number; state?: string | null } = {},
): ActivationRequest {
  const customer = sandbox.engine.createCustomer({ companies: options.companies ?? 3 });
  return sandbox.engine.startActivation({
    userId: customer.user.id,
    integrationId,
    companyIds: customer.companies.map((company) => company.id),
    state: options.state ?? null,
  }).request;
}

/**
 * The hook's decision in the load and fault tests, a pure function of the
 * ids so every process decides alike and the audit can be checked against
 * it: every third environment (by company id) is rejected with a reason
 * naming it, the others approved. A request of three fresh environments
 * thus needs two calls (one approve, one reject).
 */
export function loadTestDecision(companyId: number): {
  action: "approve" | "reject";
  reason?: string;
} {
  return companyId % 3 === 0
    ? { action: "reject", reason: `No contract for environment ${companyId}` }
    : { action: "approve" };
}
