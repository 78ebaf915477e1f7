import type { ReconcilerMemory } from "./reconcile-request.js";
import { errorFields, logEvent } from "./reconciler-events.js";
import type { Reconciler, ReconcilerOptions, ReconcilerTotals } from "./reconciler-options.js";
import { resolveReconcilerOptions } from "./resolve-reconciler-options.js";
import { runSweep, sweepLeaseName } from "./run-sweep.js";
import type { SweepSummary } from "./sweep-summary.js";

function addTo(totals: ReconcilerTotals, summary: SweepSummary): void {
  if (summary.skipped) return;
  totals.sweeps++;
  totals.decided += summary.decided;
  totals.deferred += summary.deferred;
  totals.refused += summary.refused;
  totals.failed += summary.failed;
  totals.repaired += summary.repaired;
  totals.statusChanges += summary.statusChanges;
}

/**
 * The reconciler: decides the activation requests whose callback never came
 * (the customer closed the tab, the backend was down) with the same hook as
 * the callback handler, before they expire, and syncs activation statuses
 * (UPDATE_REQUIRED, REMOVED) into the store. Each sweep first replays
 * unconfirmed decisions (`repairDecisions`). Safe on several instances: one
 * sweeps at a time under a lease in the store, and each request is handled
 * under its own lease; the decision module keeps every environment to one
 * decision whoever gets there first. Paced by the client's rate limiter.
 * See docs/stores.md. Throws `pcx_config` on missing or invalid options.
 */
export function createReconciler(options: ReconcilerOptions): Reconciler {
  const o = resolveReconcilerOptions(options);
  const memory: ReconcilerMemory = { refused: new Set(), lastCalled: new Set() };
  const totals: ReconcilerTotals = {
    sweeps: 0,
    decided: 0,
    deferred: 0,
    refused: 0,
    failed: 0,
    repaired: 0,
    statusChanges: 0,
  };
  let count = 0;
  let stopping = false;
  let queue: Promise<unknown> = Promise.resolve();
  let loop: Promise<void> | undefined;
  let stopped: Promise<ReconcilerTotals> | undefined;
  const wake = new AbortController();

  const sweepNow = (): Promise<SweepSummary> => {
    const run = queue.then(async () => {
      const sweep = ++count;
      try {
        const summary = await runSweep({ o, memory, sweep, stopping: () => stopping });
        addTo(totals, summary);
        if (!summary.skipped) {
          const { skipped: _skipped, ...fields } = summary;
          logEvent(
            o.logger,
            summary.failed > 0 ? "warn" : "info",
            `pcx reconciler: sweep ${sweep} finished`,
            {
              event: "sweep.finished",
              ...fields,
            },
          );
        }
        return summary;
      } catch (error) {
        logEvent(o.logger, "error", `pcx reconciler: sweep ${sweep} failed`, {
          event: "sweep.failed",
          sweep,
          ...errorFields(error),
        });
        throw error;
      }
    });
    queue = run.catch(() => {});
    return run;
  };

  const pause = (): Promise<void> => {
    if (wake.signal.aborted) return Promise.resolve();
    const woken = new Promise<void>((resolve) =>
      wake.signal.addEventListener("abort", () => resolve(), { once: true }),
    );
    return Promise.race([o.sleep(o.intervalMs, wake.signal).catch(() => {}), woken]);
  };

  return {
    get totals() {
      return { ...totals };
    },
    start() {
      if (loop || stopping) return;
      logEvent(o.logger, "info", "pcx reconciler started", {
        event: "reconciler.started",
        integrationId: o.integrationId,
        instance: o.decidedBy,
        intervalMs: o.intervalMs,
        concurrency: o.concurrency,
      });
      loop = (async () => {
        while (!stopping) {
          await sweepNow().catch(() => {});
          if (!stopping) await pause();
        }
      })();
    },
    sweep: sweepNow,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        wake.abort();
        await loop;
        await queue;
        // Hand the sweep over at once instead of after the lease runs out.
        await o.store.releaseLease(sweepLeaseName(o.integrationId), o.decidedBy).catch(() => {});
        logEvent(o.logger, "info", "pcx reconciler stopped", {
          event: "reconciler.stopped",
          instance: o.decidedBy,
          ...totals,
        });
        return { ...totals };
      })();
      return stopped;
    },
  };
}
