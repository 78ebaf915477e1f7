import type { WireDefinition } from "@pcx/sdk/contract";

const LEVEL_RANK: Record<string, number> = { view: 1, all: 2 };

/**
 * Whether moving an environment from definition `from` to `to` needs the
 * customer's acceptance ("Update required", DESIGN.md §1 step 7): a right
 * added or raised (view → all), or a different technical user. Removing or
 * lowering rights and cosmetic changes apply without the customer.
 *
 * TODO: use `diffDefinitions` from @pcx/sdk (its "customer update required"
 * class) once it lands, so the sandbox and `pcx diff` cannot disagree.
 */
export function requiresCustomerAcceptance(from: WireDefinition, to: WireDefinition): boolean {
  if (from.technicalUser.username !== to.technicalUser.username) return true;
  const before = new Map(from.technicalUser.rights.map((r) => [r.right, LEVEL_RANK[r.level] ?? 0]));
  return to.technicalUser.rights.some(
    (r) => (LEVEL_RANK[r.level] ?? 0) > (before.get(r.right) ?? 0),
  );
}
