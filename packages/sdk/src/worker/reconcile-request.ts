import { decisionShortcuts } from "../callback/decision-shortcuts.js";
import type { ActivationRequestContext, CallbackAnswer, VerifiedState } from "../callback/index.js";
import { recordRequest } from "../callback/record-request.js";
import type { ActivationRequest } from "../contract/index.js";
import {
  applyDecision,
  type Decision,
  type DecisionResult,
  validateDecision,
} from "../decisions/index.js";
import type { StoredRequest } from "../store/index.js";
import { checkRequestState } from "./check-request-state.js";
import { callObserverHook, errorFields, logEvent } from "./reconciler-events.js";
import type { ResolvedReconcilerOptions } from "./resolve-reconciler-options.js";

/** What became of one listed request in a sweep. */
export type RequestOutcome = "decided" | "deferred" | "refused" | "failed" | "left";

/** What the reconciler remembers between sweeps, per instance. */
export interface ReconcilerMemory {
  /** Requests whose refusal was logged already (logged once, not every sweep). */
  refused: Set<number>;
  /** Deferred requests the hook was given their last call for. */
  lastCalled: Set<number>;
}

export const requestLeaseName = (requestId: number) => `pcx:reconciler:request:${requestId}`;

function hookContext(request: ActivationRequest, state: VerifiedState | null) {
  return {
    via: "reconciler",
    state,
    ref: state?.payload.ref ?? null,
    httpRequest: null,
    // No browser: a deferral's response is dropped; its decision (default: defer all) stands.
    ...decisionShortcuts(request),
  } satisfies ActivationRequestContext;
}

/**
 * Whether the reconciler should ask the hook about this request now:
 * - too young (`callbackGraceMs`): the callback may be on its way;
 * - every pending environment already has a decision record: `repairDecisions` finishes them;
 * - deferred (by either hook) and more than `lastCallBeforeExpiryMs` left: `complete()` may still come;
 * - deferred and its last call was given: it expires undecided, as the hook chose.
 */
function due(
  o: ResolvedReconcilerOptions,
  memory: ReconcilerMemory,
  request: ActivationRequest,
  stored: StoredRequest | undefined,
  claimed: Set<number>,
): { ask: boolean; last: boolean } {
  const now = o.now().getTime();
  const expiresAt = Date.parse(request.expiresAt);
  if (expiresAt <= now) return { ask: false, last: false };
  if (Date.parse(request.createdAt) + o.callbackGraceMs > now) return { ask: false, last: false };
  const open = request.environments.filter(
    (env) => env.status === "PENDING" && !claimed.has(env.companyId),
  );
  if (open.length === 0) return { ask: false, last: false };
  if (!stored?.deferred) return { ask: true, last: false };
  if (expiresAt - now > o.lastCallBeforeExpiryMs) return { ask: false, last: false };
  return { ask: !memory.lastCalled.has(request.id), last: true };
}

async function refuse(
  o: ResolvedReconcilerOptions,
  memory: ReconcilerMemory,
  request: ActivationRequest,
  code: string,
  reason: string,
): Promise<RequestOutcome> {
  if (!memory.refused.has(request.id)) {
    memory.refused.add(request.id);
    logEvent(
      o.logger,
      "warn",
      `pcx reconciler left activation request ${request.id} undecided: its state was refused (${reason})`,
      { event: "request.refused", requestId: request.id, code, reason },
    );
  }
  return "refused";
}

async function ask(
  o: ResolvedReconcilerOptions,
  request: ActivationRequest,
  state: VerifiedState | null,
): Promise<Decision> {
  const returned: Decision | CallbackAnswer = await o.onActivationRequest(
    request,
    hookContext(request, state),
  );
  return Array.isArray(returned) ? (returned as Decision) : (returned as CallbackAnswer).decision;
}

async function runOnDecided(
  o: ResolvedReconcilerOptions,
  result: DecisionResult,
  state: VerifiedState | null,
): Promise<void> {
  const applied = result.environments.some(
    (env) => env.outcome === "approved" || env.outcome === "rejected",
  );
  if (!applied || !o.onDecided) return;
  const onDecided = o.onDecided;
  await callObserverHook(o.logger, "onDecided", { requestId: result.requestId }, () =>
    onDecided(result, { via: "reconciler", state, httpRequest: null }),
  );
}

/** Checks, records and decides one request with the hook; the caller holds its lease. */
async function decide(
  o: ResolvedReconcilerOptions,
  memory: ReconcilerMemory,
  request: ActivationRequest,
): Promise<RequestOutcome> {
  const [stored, records] = await Promise.all([
    o.store.getRequest(request.id),
    o.store.listDecisions(request.id),
  ]);
  const when = due(o, memory, request, stored, new Set(records.map((r) => r.companyId)));
  if (!when.ask) return "left";
  const checked = await checkRequestState(o, request);
  if (!checked.ok) return refuse(o, memory, request, checked.code, checked.reason);
  const { state } = checked;
  const now = o.now();
  const { replayed } = await recordRequest(o.store, request, state, now, stored);
  if (replayed) return refuse(o, memory, request, "pcx_state_replayed", "replayed");
  let decision: Decision;
  try {
    decision = await ask(o, request, state);
  } catch (error) {
    logEvent(
      o.logger,
      "error",
      `pcx reconciler: onActivationRequest threw for request ${request.id}`,
      {
        event: "hook.failed",
        hook: "onActivationRequest",
        requestId: request.id,
        ...errorFields(error),
      },
    );
    return "failed";
  }
  if (when.last) memory.lastCalled.add(request.id);
  const checkedDecision = validateDecision(request, decision);
  if (!checkedDecision.value) {
    logEvent(
      o.logger,
      "error",
      `pcx reconciler: onActivationRequest returned a decision that does not fit request ${request.id}`,
      {
        event: "hook.failed",
        hook: "onActivationRequest",
        requestId: request.id,
        code: "pcx_usage",
        message: checkedDecision.errors.map((e) => `${e.path}: ${e.message}`).join("; "),
      },
    );
    return "failed";
  }
  if (checkedDecision.value.every((outcome) => outcome.action === "defer")) {
    await o.store.setRequestDeferred(request.id, true);
    logEvent(
      o.logger,
      "info",
      `pcx reconciler: the hook deferred activation request ${request.id}`,
      {
        event: "request.deferred",
        requestId: request.id,
        last: when.last,
        lastCallAt: new Date(
          Date.parse(request.expiresAt) - o.lastCallBeforeExpiryMs,
        ).toISOString(),
      },
    );
    return "deferred";
  }
  const result = await applyDecision({
    client: o.client,
    store: o.store,
    request,
    decision: checkedDecision.value,
    decidedBy: o.decidedBy,
    sealer: o.sealer,
    now: o.now,
  });
  const stillDeferred = result.environments.some((env) => env.outcome === "deferred");
  await o.store.setRequestDeferred(request.id, stillDeferred);
  logEvent(o.logger, "info", `pcx reconciler decided activation request ${request.id}`, {
    event: "request.decided",
    requestId: request.id,
    environments: result.environments.map((env) => `${env.companyId}:${env.outcome}`).join(" "),
    last: when.last,
  });
  await runOnDecided(o, result, state);
  return "decided";
}

/**
 * Handles one listed pending request under its own lease (one instance at a
 * time): checks whether it is due, verifies its state, records it, asks the
 * hook and applies the decision with `applyDecision` (the same path as the
 * callback, so an environment is decided once whoever gets there first).
 */
export async function reconcileRequest(
  o: ResolvedReconcilerOptions,
  memory: ReconcilerMemory,
  request: ActivationRequest,
): Promise<RequestOutcome> {
  const name = requestLeaseName(request.id);
  const failed = (error: unknown): RequestOutcome => {
    logEvent(o.logger, "error", `pcx reconciler failed on activation request ${request.id}`, {
      event: "request.failed",
      requestId: request.id,
      ...errorFields(error),
    });
    return "failed";
  };
  try {
    const held = await o.store.acquireLease({
      name,
      holder: o.decidedBy,
      ttlMs: o.leaseMs,
      now: o.now(),
    });
    if (!held) return "left";
  } catch (error) {
    return failed(error);
  }
  try {
    return await decide(o, memory, request);
  } catch (error) {
    return failed(error);
  } finally {
    await o.store.releaseLease(name, o.decidedBy).catch(() => {});
  }
}
