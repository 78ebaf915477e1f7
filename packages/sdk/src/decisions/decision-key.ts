import type { DecisionAction } from "../store/index.js";
import { sha256Hex } from "./sha256-hex.js";

/** The environments one approve or reject call decides together. */
export interface DecisionKeyGroup {
  requestId: number;
  action: DecisionAction;
  /** The environments decided together under this key. */
  companyIds: readonly number[];
}

/**
 * The `Idempotency-Key` of one approve or reject call of a decision, derived
 * from the request id, the action and the sorted, de-duplicated company ids:
 * `pcx-approve-123-<first 32 hex of SHA-256>`. Synchronous and pure, so a
 * store can call it inside its claim (`ActivationStore.claimDecisions`'s
 * `keyFor`). The client's `decisionIdempotencyKey` derives its key here, so
 * a decision applied here and the same call made through the client directly
 * are one call to Procountor. The reject
 * reason is not part of the key (see `decisionIdempotencyKey`).
 */
export function decisionKey(group: DecisionKeyGroup): string {
  const companyIds = [...new Set(group.companyIds)].sort((a, b) => a - b);
  const canonical = [
    "pcx-decision-v1",
    String(group.requestId),
    group.action,
    companyIds.length === 0 ? "*" : companyIds.join(","),
  ].join("|");
  return `pcx-${group.action}-${group.requestId}-${sha256Hex(canonical).slice(0, 32)}`;
}
