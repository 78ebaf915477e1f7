import { diffDefinitions } from "@pcx/sdk";
import type { WireDefinition } from "@pcx/sdk/contract";

/**
 * Whether moving an environment from definition `from` to `to` needs the
 * customer's acceptance ("Update required" in Procountor). The SDK's
 * `diffDefinitions` decides (a right added or raised, a new technical-user
 * username), so the sandbox and `pcx diff` cannot disagree.
 */
export function requiresCustomerAcceptance(from: WireDefinition, to: WireDefinition): boolean {
  return diffDefinitions(from, to).requiresCustomerUpdate;
}
