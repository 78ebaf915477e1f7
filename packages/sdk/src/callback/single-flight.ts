import type { DecisionResult } from "../decisions/index.js";
import type { ResolvedCallbackOptions } from "./resolve-callback-options.js";

/**
 * Applies at most one decision per request at a time in this instance: a
 * call that finds one running waits for it and gets its result, marked as
 * not its own (`first: false`), so onDecided runs once. Other instances are
 * kept apart by the store's claim instead.
 */
export async function singleFlight(
  h: ResolvedCallbackOptions,
  requestId: number,
  apply: () => Promise<DecisionResult>,
): Promise<{ result: DecisionResult; first: boolean }> {
  const running = h.inflight.get(requestId);
  if (running) return { result: await running, first: false };
  const started = apply();
  h.inflight.set(requestId, started);
  try {
    return { result: await started, first: true };
  } finally {
    h.inflight.delete(requestId);
  }
}
