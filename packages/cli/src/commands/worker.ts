import { createReconciler, PcxError, parseDuration, type ReconcilerTotals } from "@pcx/sdk";
import { withSession } from "../api/session.js";
import { defineCommand } from "../command.js";
import type { CliContext } from "../context.js";
import { stateSigningKey } from "../profiles/state-secret.js";
import { requireKeyring, requireStoreUrl } from "../requests/decision-store.js";
import { loadHooks } from "../worker/load-hooks.js";
import { workerLogger } from "../worker/worker-logger.js";

export interface WorkerInput {
  /** `--hooks FILE`: the backend's hooks module. Required. */
  hooks: string;
  /** `--store URL`; else PCX_STORE. */
  store?: string;
  /** `--integration ID`; else PCX_INTEGRATION_ID, else the profile's. */
  integration?: number;
  /** `--interval DURATION` between sweeps (default 30s). */
  interval?: string;
  /** `--grace DURATION`: requests younger than this are left to the callback (default 1m). */
  grace?: string;
  /** `--concurrency N` requests at once within a sweep (default 4). */
  concurrency?: number;
  /** `--once`: one sweep, then exit. */
  once?: boolean;
}

export interface WorkerResult {
  /** The signal that stopped it, or "once". */
  stoppedBy: string;
  integrationId: number;
  totals: ReconcilerTotals;
}

/** Resolves with the signal's name on the first SIGINT or SIGTERM. */
function untilSignal(): { stopped: Promise<string>; dispose(): void } {
  let stop!: (signal: NodeJS.Signals) => void;
  const stopped = new Promise<string>((resolve) => {
    stop = (signal) => resolve(signal);
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return {
    stopped,
    dispose() {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    },
  };
}

function stateSecrets(
  ctx: CliContext,
  profiles: Parameters<typeof stateSigningKey>[1],
  profile: string,
) {
  const key = stateSigningKey(ctx, profiles, profile, { create: false });
  if (!key) {
    throw new PcxError(
      "pcx_config",
      "pcx worker checks each request's state with the secret your activation links are signed with, and none is configured",
      {
        hint: "Set PCX_STATE_SECRET (and PCX_STATE_KEY_ID) to your backend's state secret, or use the profile whose secret `pcx link --state` signs with.",
      },
    );
  }
  return { [key.keyId]: key.secret };
}

function summaryLine(result: WorkerResult): string {
  const t = result.totals;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `pcx worker stopped (${result.stoppedBy}): ${plural(t.sweeps, "sweep")}, ${t.decided} decided, ${t.deferred} deferred, ${t.refused} refused, ${t.failed} failed, ${t.repaired} repaired, ${plural(t.statusChanges, "status change")}`;
}

/**
 * `pcx worker --hooks FILE`: runs the reconciler standalone with the
 * backend's own hooks, until SIGINT/SIGTERM (or one sweep with --once). Every
 * event is a line on stdout (`--json`: one JSON object per line); the last
 * line is the summary. Exit 0 after a clean stop.
 */
export default defineCommand<WorkerInput, WorkerResult>({
  async run(input, ctx) {
    const intervalMs = input.interval === undefined ? undefined : parseDuration(input.interval);
    const callbackGraceMs = input.grace === undefined ? undefined : parseDuration(input.grace);
    const hooks = await loadHooks(ctx.cwd, input.hooks);
    const sealer = requireKeyring(ctx, "pcx worker");
    const storeUrl = requireStoreUrl(input.store, ctx, "pcx worker");
    // Before the store and the client open, so a signal during start-up stops cleanly too.
    const signal = input.once ? undefined : untilSignal();
    try {
      return await withSession(ctx, async (session) => {
        const integrationId = session.requireIntegration(input.integration).id;
        const secrets = stateSecrets(ctx, session.store, session.connection.profile);
        const { openStore } = await import("@pcx/store-sql");
        const store = await openStore({ url: storeUrl.url });
        try {
          const logger = workerLogger(ctx.out.streams.stdout, {
            json: ctx.json,
            now: () => new Date(),
          });
          const reconciler = createReconciler({
            client: session.client,
            integrationId,
            store,
            sealer,
            stateSecrets: secrets,
            ...hooks,
            ...(intervalMs === undefined ? {} : { intervalMs }),
            ...(callbackGraceMs === undefined ? {} : { callbackGraceMs }),
            ...(input.concurrency === undefined ? {} : { concurrency: input.concurrency }),
            logger,
          });
          ctx.out.stderr(
            `pcx worker: integration ${integrationId}, store ${storeUrl.shown} (from ${storeUrl.source}), API ${session.connection.baseUrl}${input.once ? ", one sweep" : "; stop with Ctrl+C or SIGTERM"}`,
          );
          let stoppedBy = "once";
          if (input.once) {
            await reconciler.sweep();
          } else {
            reconciler.start();
            stoppedBy = await (signal as NonNullable<typeof signal>).stopped;
          }
          const totals = await reconciler.stop();
          const result = { stoppedBy, integrationId, totals };
          if (ctx.json) {
            ctx.out.streams.stdout.write(
              `${JSON.stringify({ at: new Date().toISOString(), level: "info", event: "worker.stopped", ...result, message: summaryLine(result) })}\n`,
            );
          }
          return result;
        } finally {
          await store.close();
        }
      });
    } finally {
      signal?.dispose();
    }
  },
  // Every event was a line already, the summary (worker.stopped) the last one.
  toJson: () => undefined,
  render: (result) => summaryLine(result),
});

export { summaryLine };
