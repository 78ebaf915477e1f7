import { checkState } from "../callback/check-state.js";
import type { VerifiedState } from "../callback/index.js";
import type { ActivationRequest } from "../contract/index.js";
import { type StateRefusalCode, stateRefusalCode } from "../links/state-refusal-code.js";
import type { ResolvedReconcilerOptions } from "./resolve-reconciler-options.js";

export type RequestStateCheck =
  | { ok: true; state: VerifiedState | null }
  | {
      ok: false;
      code: StateRefusalCode;
      reason: string;
    };

/**
 * The reconciler's view of a request's `state`, checked as the callback
 * checks it: the link's state passes through Procountor untouched, so the
 * request carries it. It must verify (signature, key, made for this
 * integration) and must not have expired when the customer used the link
 * (the request's `createdAt`). Activation requests without one are refused
 * while `requireState` is on; update requests never carry one.
 */
export async function checkRequestState(
  o: ResolvedReconcilerOptions,
  request: ActivationRequest,
): Promise<RequestStateCheck> {
  if (request.state === null) {
    if (request.kind === "ACTIVATION" && o.requireState) {
      return { ok: false, code: "pcx_invalid_state", reason: "missing" };
    }
    return { ok: true, state: null };
  }
  if (!o.stateSecrets) {
    // requireState is off and no secrets were given: the state cannot be verified, so it is not used.
    return { ok: true, state: null };
  }
  const checked = await checkState(request.state, {
    secrets: o.stateSecrets,
    integrationId: o.integrationId,
    now: () => new Date(request.createdAt),
  });
  if (!checked.ok) {
    return { ok: false, code: stateRefusalCode(checked.reason), reason: checked.reason };
  }
  return {
    ok: true,
    state: {
      payload: checked.payload,
      keyId: checked.keyId,
      nonce: checked.nonce,
      issuedAt: checked.issuedAt,
      expiresAt: checked.expiresAt,
    },
  };
}
