import { applyDecision, type Decision, type DecisionResult } from "../decisions/index.js";
import { callbackFailure, lazyReference } from "./callback-failure.js";
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
  const reference = lazyReference();
  try {
    const request = await readRequest(h, requestId);
    if (request.status !== "COMPLETED") checkNotExpired(h, request);
    const known = await h.store.getRequest(requestId);
    const stored = await h.store.saveRequest({
      requestId,
      integrationId: request.integrationId,
      integrationVersion: request.integrationVersion,
      kind: request.kind,
      ref: known?.ref ?? null,
      stateNonce: known?.stateNonce ?? null,
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
    const deferred = result.environments.some((env) => env.outcome === "deferred");
    if (deferred !== stored.deferred) await h.store.setRequestDeferred(requestId, deferred);
    if (first) {
      await runOnDecided(h, result, { via: "complete", state: null, httpRequest: null }, reference);
    }
    return result;
  } catch (caught) {
    const failure = callbackFailure(
      caught,
      { reference: reference(), requestId, request: null },
      h.appName,
    );
    h.logger?.[failure.status >= 500 ? "error" : "warn"]("pcx complete failed", {
      code: failure.code,
      reference: failure.reference,
      requestId,
      message: failure.error.message,
    });
    await notifyError(h, failure.error, {
      reference: failure.reference,
      requestId,
      httpRequest: null,
    });
    throw failure.error;
  }
}
