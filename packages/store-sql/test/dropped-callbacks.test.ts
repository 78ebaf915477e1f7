// The reconciler deciding requests whose callbacks were all dropped (the
// customers closed the tab), under sandbox chaos 0.2, on two instances
// sharing one SQLite file (two connections): one sweeps under the lease,
// stops half-way and hands the sweep over to the other. Ends with zero lost
// and zero duplicate decisions, checked against the sandbox's audit log.
import { createKeyring, generateKeyringKey } from "@pcx/sdk";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import { approvedAcmeIntegration, startSignedCustomers } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import {
  expectExactlyOnce,
  inProcessClient,
  loadReconciler,
  sweepUntilSettled,
} from "./load-run.js";
import { chaosSandbox, loadCount, loadTimeout, note, suiteSqliteFile } from "./load-settings.js";

const COUNT = loadCount("PCX_DROPPED_REQUESTS", 300, 300);

describe(`the reconciler: ${COUNT} requests × 3 environments whose callbacks were dropped, chaos 0.2`, () => {
  const filename = suiteSqliteFile();

  it(
    "decides every environment exactly once, handing the sweep from one instance to the other",
    async () => {
      const started = performance.now();
      // In process: the clients call the sandbox's fetch (faults included), no socket.
      const sandbox = chaosSandbox(31);
      const stores = [
        await createSqliteStore({ filename, synchronous: "normal" }),
        await createSqliteStore({ filename, synchronous: "normal" }),
      ];
      const sealer = createKeyring({ keys: [{ id: "k1", key: generateKeyringKey() }] });
      const clients = stores.map(() =>
        inProcessClient(sandbox, { maxAttempts: 6, maxElapsedMs: 20_000 }),
      );
      try {
        const integrationId = approvedAcmeIntegration(sandbox);
        const requests = await startSignedCustomers(sandbox, integrationId, COUNT);
        const [a, b] = stores.map((store, i) =>
          loadReconciler({
            client: clients[i] as (typeof clients)[number],
            integrationId,
            store,
            sealer,
            maxRequestsPerSweep: Math.ceil(COUNT / 2),
            decidedBy: `reconciler-${"ab"[i]}`,
          }),
        ) as [ReturnType<typeof loadReconciler>, ReturnType<typeof loadReconciler>];

        // Both sweep at once: one holds the sweep lease, the other stands by.
        const [firstA, firstB] = await Promise.all([a.sweep(), b.sweep()]);
        const [leader, standby] = firstA.skipped === null ? [a, b] : [b, a];
        const first = firstA.skipped === null ? firstA : firstB;
        expect([firstA.skipped, firstB.skipped].sort()).toEqual(["lease_held", null].sort());
        expect(first.decided).toBeGreaterThan(0);
        expect(await standby.sweep()).toMatchObject({ skipped: "lease_held" });
        const leaderTotals = await leader.stop();
        const sweeps = await sweepUntilSettled(standby, 10);
        const standbyTotals = await standby.stop();

        note(
          `dropped callbacks: ${COUNT}×3 in ${((performance.now() - started) / 1000).toFixed(1)} s; leader decided ${leaderTotals.decided} (failed ${leaderTotals.failed}), the other took over and decided ${standbyTotals.decided} (repaired ${standbyTotals.repaired}, failed ${standbyTotals.failed}) in ${sweeps.length} sweeps; faults ${JSON.stringify(sandbox.stats.faults)}`,
        );
        await expectExactlyOnce(sandbox, {
          integrationId,
          requests,
          store: stores[0],
          sealer,
        });
        expect(leaderTotals.decided + standbyTotals.decided).toBeGreaterThanOrEqual(
          COUNT - standbyTotals.repaired,
        );
        expect(standbyTotals.decided).toBeGreaterThan(0);
      } finally {
        for (const client of clients) await client.close();
        for (const store of stores) await store.close();
        await sandbox.close();
      }
      // Measured: 300 × 3 in ~25 s at load 20 on 2 cores.
    },
    loadTimeout(COUNT, 100),
  );
});
