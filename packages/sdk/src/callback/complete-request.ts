import { applyDecision, type Decision, type DecisionResult } from "../decisions/index.js";
import { callbackFailure, newReference } from "./callback-failure.js";
import { checkNotExpired, readRequest } from "./read-request.js";
import type { ResolvedCallbackOptions } from "./resolve-callback-options.js";
import { notifyError, runOnDecided } from "./run-hooks.js";
import { singleFlight } from "./single-flight.js";

/** `complete`: decides a request the hook deferred, with the same checks and the same decision module. */
export async function completeRequest(
  h: ResolvedCallbackOptions,
  requestId: number,
  decision: Decision,
): Promise<DecisionResult> {
  const reference = newReference();
  try {
    const request = await readRequest(h, requestId);
    if (request.status !== "COMPLETED") checkNotExpired(h, request);
    const stored = await h.store.getRequest(requestId);
    await h.store.saveRequest({
      requestId,
      integrationId: request.integrationId,
      integrationVersion: request.integrationVersion,
      kind: request.kind,
      ref: stored?.ref ?? null,
      stateNonce: stored?.stateNonce ?? null,
      companyIds: request.environments.map((env) => env.companyId),
      expiresAt: new Date(request.expiresAt),
      seenAt: h.now(),
    });
    const { result, first } = await singleFlight(h, requestId, () =>
      applyDecision({
        client: h.client,
        store: h.store,
        request,
        decision,
        decidedBy: h.decidedBy,
        sealer: h.sealer,
        now: h.now,
      }),
    );
    await h.store.setRequestDeferred(
      requestId,
      result.environments.some((env) => env.outcome === "deferred"),
    );
    if (first) {
      await runOnDecided(h, result, { via: "complete", state: null, httpRequest: null }, reference);
    }
    return result;
  } catch (caught) {
    const failure = callbackFailure(caught, { reference, requestId, request: null }, h.appName);
    h.logger?.[failure.status >= 500 ? "error" : "warn"]("pcx complete failed", {
      code: failure.code,
      reference,
      requestId,
      message: failure.error.message,
    });
    await notifyError(h, failure.error, { reference, requestId, httpRequest: null });
    throw failure.error;
  }
}
