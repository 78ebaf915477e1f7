import type { ClaimDecisionsInput, DecisionIntent } from "@pcx/sdk";
import type { Insertable } from "kysely";
import type { DecisionsTable } from "./schema.js";

/**
 * The decision rows a claim inserts: intents for environments not yet
 * claimed (the first intent per company wins), grouped by action and reason
 * (a reason only counts for rejections), one idempotency key per group from
 * `keyFor` with the group's sorted company ids.
 */
export function planClaim(
  input: ClaimDecisionsInput,
  taken: ReadonlySet<number>,
): Array<Insertable<DecisionsTable> & { company_id: number }> {
  const seen = new Set(taken);
  const groups = new Map<string, DecisionIntent[]>();
  for (const intent of input.intents) {
    if (seen.has(intent.companyId)) continue;
    seen.add(intent.companyId);
    const reason = intent.action === "reject" ? intent.reason : null;
    const group = JSON.stringify([intent.action, reason]);
    groups.set(group, [...(groups.get(group) ?? []), { ...intent, reason }]);
  }
  const rows: Array<Insertable<DecisionsTable> & { company_id: number }> = [];
  for (const group of groups.values()) {
    const first = group[0] as DecisionIntent;
    const companyIds = group.map((i) => i.companyId).sort((a, b) => a - b);
    const idempotencyKey = input.keyFor({ action: first.action, reason: first.reason, companyIds });
    for (const companyId of companyIds) {
      rows.push({
        request_id: input.requestId,
        company_id: companyId,
        action: first.action,
        reason: first.reason,
        idempotency_key: idempotencyKey,
        status: "intent",
        outcome: null,
        decided_by: input.decidedBy,
        created_at_ms: input.now.getTime(),
        applied_at_ms: null,
      });
    }
  }
  return rows.sort((a, b) => a.company_id - b.company_id);
}
