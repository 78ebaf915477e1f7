// What the in-process load tests (load-sqlite, dropped-callbacks) share: a
// client calling the sandbox's fetch with its faults, reconcilers deciding by
// the load hook, sweeps until nothing is left, and the exactly-once check.
import type { Sandbox } from "@pcx/sandbox";
import {
  createClient,
  createReconciler,
  fetchTransport,
  type ReconcilerOptions,
  type SweepSummary,
} from "@pcx/sdk";
import type { ActivationRequest } from "@pcx/sdk/contract";
import { checkExactlyOnce, type ExactlyOnceInput, TEST_STATE_SECRET } from "@pcx/testkit";
import { expect } from "vitest";
import { expectedDecision, hookDecision } from "./load-settings.js";

/**
 * A client calling the sandbox in process (no socket), faults included: a
 * dropped connection rejects as fetch does. No rate limit (the sandbox has
 * none); backoff and Retry-After waits are skipped, while every retry still
 * happens with its idempotency key: this is about exactly once, not waiting.
 */
export function inProcessClient(
  sandbox: Sandbox,
  retry: { maxAttempts: number; maxElapsedMs: number },
): ReturnType<typeof createClient> {
  return createClient({
    baseUrl: sandbox.apiBaseUrl,
    credentials: sandbox.credentials,
    transport: fetchTransport({ fetch: sandbox.fetch }),
    rateLimit: false,
    retry: { ...retry, baseDelayMs: 50, maxDelayMs: 1_000 },
    sleep: () => new Promise((resolve) => setImmediate(resolve)),
  });
}

/** A reconciler deciding by the load hook, sweeping at once (no callback grace). */
export function loadReconciler(
  options: Pick<ReconcilerOptions, "client" | "integrationId" | "store" | "sealer"> &
    Partial<ReconcilerOptions>,
): ReturnType<typeof createReconciler> {
  return createReconciler({
    stateSecrets: { k1: TEST_STATE_SECRET },
    onActivationRequest: (request) => hookDecision(request),
    callbackGraceMs: 0,
    concurrency: 8,
    syncActivations: false,
    ...options,
  });
}

/** Sweeps until a sweep finds nothing pending or repaired (at most `most` sweeps). */
export async function sweepUntilSettled(
  reconciler: { sweep(): Promise<SweepSummary> },
  most: number,
): Promise<SweepSummary[]> {
  const sweeps: SweepSummary[] = [];
  for (let i = 0; i < most; i++) {
    const summary = await reconciler.sweep();
    sweeps.push(summary);
    if (summary.pending === 0 && summary.repaired === 0) break;
  }
  return sweeps;
}

/**
 * Checks the sandbox's audit log and the store: every environment of every
 * request decided exactly once, as the load hook decides it.
 */
export async function expectExactlyOnce(
  sandbox: Sandbox,
  input: Pick<ExactlyOnceInput, "integrationId" | "store" | "sealer"> & {
    requests: ActivationRequest[];
  },
): Promise<void> {
  const report = await checkExactlyOnce({
    state: sandbox.engine.dumpState(),
    integrationId: input.integrationId,
    requestIds: input.requests.map((request) => request.id),
    expected: expectedDecision,
    store: input.store,
    sealer: input.sealer,
  });
  expect(report).toEqual({
    decided: 3 * input.requests.length,
    lost: [],
    duplicates: [],
    wrong: [],
    store: [],
  });
}
