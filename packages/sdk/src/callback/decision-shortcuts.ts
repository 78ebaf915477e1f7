import type { ActivationRequest } from "../contract/index.js";
import { approveAll, deferAll, rejectAll } from "../decisions/index.js";
import type { ActivationRequestContext } from "./callback-options.js";

/** The decision shortcuts of a hook's context. */
export type DecisionShortcuts = Pick<
  ActivationRequestContext,
  "approveAll" | "rejectAll" | "defer"
>;

/**
 * `ctx.approveAll()`, `ctx.rejectAll(reason)` and `ctx.defer(response, decision?)`
 * bound to one request: the same for the callback and the reconciler, whose
 * hook is the same function. `defer` without a decision defers every environment.
 */
export function decisionShortcuts(request: ActivationRequest): DecisionShortcuts {
  return {
    approveAll: () => approveAll(request),
    rejectAll: (reason) => rejectAll(request, reason),
    defer: (response, decision) => ({ decision: decision ?? deferAll(request), response }),
  };
}
