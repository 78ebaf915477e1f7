import type { ActivationRequest } from "../contract/index.js";
import type { ActivationStore, StoredRequest } from "../store/index.js";
import type { VerifiedState } from "./callback-options.js";

/**
 * Records a request as seen (before its hook is asked) and, with a verified
 * state, uses the state's nonce. `replayed` is true when another request
 * already used that nonce. `earlier` (the reconciler's stored row) keeps the
 * reference and nonce the callback recorded first.
 */
export async function recordRequest(
  store: ActivationStore,
  request: ActivationRequest,
  state: VerifiedState | null,
  now: Date,
  earlier?: Pick<StoredRequest, "ref" | "stateNonce">,
): Promise<{ stored: StoredRequest; replayed: boolean }> {
  const stored = await store.saveRequest({
    requestId: request.id,
    integrationId: request.integrationId,
    integrationVersion: request.integrationVersion,
    kind: request.kind,
    ref: earlier?.ref ?? state?.payload.ref ?? null,
    stateNonce: earlier?.stateNonce ?? state?.nonce ?? null,
    companyIds: request.environments.map((env) => env.companyId),
    expiresAt: new Date(request.expiresAt),
    seenAt: now,
  });
  const use = state
    ? await store.consumeNonce({
        nonce: state.nonce,
        requestId: request.id,
        expiresAt: state.expiresAt,
        now,
      })
    : null;
  return { stored, replayed: use === "replayed" };
}
