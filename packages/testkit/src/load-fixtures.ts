import type { Sandbox } from "@pcx/sandbox";
import type { ActivationRequest } from "@pcx/sdk/contract";
import { acmeWire } from "./acme-fixture.js";
import { signTestState } from "./decision-fixtures.js";

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

/**
 * Creates an integration with the Acme definition in the sandbox, approved
 * by review, ready for activation requests; returns its id.
 */
export function approvedAcmeIntegration(sandbox: Sandbox): number {
  const { id } = sandbox.engine.createIntegration(sandbox.credentials.clientId, acmeWire());
  sandbox.engine.reviewIntegration(id, "approve");
  return id;
}

/**
 * `count` activation requests, each of a NEW customer with three fresh
 * environments, whose links carry a signed test state ("<prefix>-<i>").
 */
export async function startSignedCustomers(
  sandbox: Sandbox,
  integrationId: number,
  count: number,
  prefix = "customer",
): Promise<ActivationRequest[]> {
  const states = await Promise.all(
    Array.from({ length: count }, (_, i) => signTestState(integrationId, `${prefix}-${i}`)),
  );
  return states.map((state) => startAsNewCustomer(sandbox, integrationId, { state }));
}
