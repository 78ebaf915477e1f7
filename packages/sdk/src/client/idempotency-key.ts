import { decisionKey } from "../decisions/decision-key.js";

/** A fresh random key (UUID v4) for one logical mutating call. */
export function randomIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** What `decisionIdempotencyKey` derives a decision's key from: the request, the decision, the environments. */
export interface DecisionKeyInput {
  /** The activation request's id. */
  requestId: number;
  /** The decision the key is for. */
  decision: "approve" | "reject";
  /** The environments (company ids) decided; omitted or empty = "all still pending". */
  environments?: readonly number[];
}

/**
 * The default `Idempotency-Key` of an approve or reject call, DERIVED from the
 * request id, the decision and the sorted, de-duplicated environment ids:
 * `pcx-approve-123-<first 32 hex of SHA-256>`. Two backend instances that
 * receive the same callback and take the same decision therefore send the
 * same key, and the server applies the decision once and replays its answer
 * to the other. The resource sends the environment list normalised the same
 * way (sorted, de-duplicated), because the server also compares the bodies
 * sent under one key. The reject reason is deliberately not part of the key: the
 * key names the decision, not its wording, so a second instance rejecting
 * with a different reason gets `pcx_idempotency_conflict` instead of a
 * second rejection. Deciding "all pending" (no list) and deciding an explicit
 * list are different keys; the server's per-environment state settles those.
 * The derivation is `decisionKey`'s (synchronous, so a store's claim can call
 * it); this stays async for its callers.
 */
export async function decisionIdempotencyKey(input: DecisionKeyInput): Promise<string> {
  return decisionKey({
    requestId: input.requestId,
    action: input.decision,
    companyIds: input.environments ?? [],
  });
}
