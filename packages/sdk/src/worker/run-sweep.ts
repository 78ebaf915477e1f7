import type { ActivationRequest } from "../contract/index.js";
import { repairDecisions } from "../decisions/index.js";
import {
  type ReconcilerMemory,
  type RequestOutcome,
  reconcileRequest,
} from "./reconcile-request.js";
import { errorFields, logEvent } from "./reconciler-events.js";
import type { ResolvedReconcilerOptions } from "./resolve-reconciler-options.js";
import { runPool } from "./run-pool.js";
import { emptySummary, type SweepSummary } from "./sweep-summary.js";
import { syncActivations } from "./sync-activations.js";

export const sweepLeaseName = (integrationId: number) => `pcx:reconciler:sweep:${integrationId}`;

export interface SweepInput {
  o: ResolvedReconcilerOptions;
  memory: ReconcilerMemory;
  sweep: number;
  /** True once `stop()` was called: no new request starts. */
  stopping: () => boolean;
}

/** Keeps the sweep lease while the sweep runs; false once another instance took it. */
function leaseKeeper(o: ResolvedReconcilerOptions) {
  const name = sweepLeaseName(o.integrationId);
  let renewedAt = Number.NEGATIVE_INFINITY;
  let held = true;
  return {
    async acquire(): Promise<boolean> {
      const now = o.now();
      held = await o.store.acquireLease({ name, holder: o.decidedBy, ttlMs: o.leaseMs, now });
      renewedAt = now.getTime();
      return held;
    },
    /** Renews when a third of the lease has passed. */
    async keep(): Promise<boolean> {
      if (held && o.now().getTime() - renewedAt >= o.leaseMs / 3) await this.acquire();
      return held;
    },
  };
}

async function listPending(o: ResolvedReconcilerOptions): Promise<ActivationRequest[]> {
  // All ids first, then decide: deciding while paging would shift the offset pages under us.
  const listed = await o.client.activationRequests
    .list(o.integrationId, { status: "PENDING", size: o.pageSize })
    .toArray({ limit: o.maxRequestsPerSweep });
  const seen = new Set<number>();
  return listed.filter((request) => !seen.has(request.id) && seen.add(request.id));
}

/**
 * One sweep, under the integration's sweep lease (one instance sweeps at a
 * time; the lease outlives the sweep, so the same instance keeps sweeping
 * until it stops or dies):
 * 1. `repairDecisions`: replays unconfirmed intents with their stored keys;
 * 2. lists the pending requests and hands each to `reconcileRequest`,
 *    `concurrency` at a time, each under its own lease;
 * 3. syncs activation statuses into the store.
 * Every API call goes through the client, so its rate limiter paces the sweep.
 */
export async function runSweep(input: SweepInput): Promise<SweepSummary> {
  const { o, memory } = input;
  const started = o.now().getTime();
  const summary = emptySummary(input.sweep);
  const finish = () => {
    summary.durationMs = o.now().getTime() - started;
    return summary;
  };
  if (input.stopping()) {
    summary.skipped = "stopping";
    return finish();
  }
  const lease = leaseKeeper(o);
  if (!(await lease.acquire())) {
    summary.skipped = "lease_held";
    logEvent(o.logger, "info", "pcx reconciler: another instance is sweeping", {
      event: "sweep.skipped",
      sweep: input.sweep,
      reason: "lease_held",
    });
    return finish();
  }
  logEvent(o.logger, "info", `pcx reconciler: sweep ${input.sweep} started`, {
    event: "sweep.started",
    sweep: input.sweep,
  });

  const repair = await repairDecisions({
    client: o.client,
    store: o.store,
    sealer: o.sealer,
    now: o.now,
  });
  summary.repaired = repair.repaired.reduce(
    (sum, report) =>
      sum +
      report.environments.filter((env) => env.outcome === "approved" || env.outcome === "rejected")
        .length,
    0,
  );
  summary.repairFailed = repair.failed.length;
  if (repair.repaired.length > 0 || repair.failed.length > 0) {
    logEvent(
      o.logger,
      repair.failed.length > 0 ? "warn" : "info",
      "pcx reconciler: repaired unconfirmed decisions",
      {
        event: "repair.finished",
        sweep: input.sweep,
        requests: repair.repaired.length,
        environments: summary.repaired,
        failed: repair.failed.length,
        ...(repair.failed[0] ? { firstFailure: errorFields(repair.failed[0].error).code } : {}),
      },
    );
  }

  const pending = await listPending(o);
  summary.pending = pending.length;
  const outcomes = await runPool(pending, o.concurrency, async (request) => {
    if (input.stopping() || !(await lease.keep())) return "left" as RequestOutcome;
    return reconcileRequest(o, memory, request);
  });
  for (const outcome of outcomes) summary[outcome]++;

  if (o.syncActivations && !input.stopping() && (await lease.keep())) {
    summary.statusChanges = await syncActivations(o, input.stopping);
  }
  return finish();
}
