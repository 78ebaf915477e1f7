// The reconciler deciding requests whose callbacks were all dropped (the
// customers closed the tab), under sandbox chaos 0.2, on two instances
// sharing one SQLite file (two connections): one sweeps under the lease,
// stops half-way and hands the sweep over to the other. Ends with zero lost
// and zero duplicate decisions, checked against the sandbox's audit log.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSandbox } from "@pcx/sandbox";
import {
  createClient,
  createKeyring,
  createReconciler,
  fetchTransport,
  generateKeyringKey,
  type SweepSummary,
} from "@pcx/sdk";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import {
  acmeWire,
  checkExactlyOnce,
  signTestState,
  startAsNewCustomer,
  TEST_STATE_SECRET,
} from "@pcx/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { expectedDecision, hookDecision, loadCount, loadTimeout, note } from "./load-settings.js";

const COUNT = loadCount("PCX_DROPPED_REQUESTS", 300, 300);

describe(`the reconciler: ${COUNT} requests × 3 environments whose callbacks were dropped, chaos 0.2`, () => {
  const dir = mkdtempSync(join(tmpdir(), "pcx-dropped-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "decides every environment exactly once, handing the sweep from one instance to the other",
    async () => {
      const started = performance.now();
      // In process: the clients call the sandbox's fetch (faults included), no socket.
      const sandbox = createSandbox({
        chaos: 0.2,
        seed: 31,
        requestTtlMs: 3_600_000,
      });
      const filename = join(dir, "pcx.db");
      const stores = [
        await createSqliteStore({ filename, synchronous: "normal" }),
        await createSqliteStore({ filename, synchronous: "normal" }),
      ];
      const sealer = createKeyring({ keys: [{ id: "k1", key: generateKeyringKey() }] });
      const clients = stores.map(() =>
        createClient({
          baseUrl: sandbox.apiBaseUrl,
          credentials: sandbox.credentials,
          transport: fetchTransport({ fetch: sandbox.fetch }),
          rateLimit: false,
          retry: { maxAttempts: 6, maxElapsedMs: 20_000, baseDelayMs: 50, maxDelayMs: 1_000 },
          // Backoff and Retry-After waits skipped; every retry still happens, with its key.
          sleep: () => new Promise((resolve) => setImmediate(resolve)),
        }),
      );
      try {
        const { id: integrationId } = sandbox.engine.createIntegration(
          sandbox.credentials.clientId,
          acmeWire(),
        );
        sandbox.engine.reviewIntegration(integrationId, "approve");
        const states = await Promise.all(
          Array.from({ length: COUNT }, (_, i) => signTestState(integrationId, `customer-${i}`)),
        );
        const requests = states.map((state) =>
          startAsNewCustomer(sandbox, integrationId, { state }),
        );
        const [a, b] = stores.map((store, i) =>
          createReconciler({
            client: clients[i] as (typeof clients)[number],
            integrationId,
            store,
            sealer,
            stateSecrets: { k1: TEST_STATE_SECRET },
            onActivationRequest: (request) => hookDecision(request),
            callbackGraceMs: 0,
            concurrency: 8,
            maxRequestsPerSweep: Math.ceil(COUNT / 2),
            syncActivations: false,
            decidedBy: `reconciler-${"ab"[i]}`,
          }),
        ) as [ReturnType<typeof createReconciler>, ReturnType<typeof createReconciler>];

        // Both sweep at once: one holds the sweep lease, the other stands by.
        const [firstA, firstB] = await Promise.all([a.sweep(), b.sweep()]);
        const [leader, standby] = firstA.skipped === null ? [a, b] : [b, a];
        const first = firstA.skipped === null ? firstA : firstB;
        expect([firstA.skipped, firstB.skipped].sort()).toEqual(["lease_held", null].sort());
        expect(first.decided).toBeGreaterThan(0);
        expect(await standby.sweep()).toMatchObject({ skipped: "lease_held" });
        const leaderTotals = await leader.stop();
        const sweeps: SweepSummary[] = [];
        for (let i = 0; i < 10; i++) {
          const summary = await standby.sweep();
          sweeps.push(summary);
          if (summary.pending === 0 && summary.repaired === 0) break;
        }
        const standbyTotals = await standby.stop();

        const report = await checkExactlyOnce({
          state: sandbox.engine.dumpState(),
          integrationId,
          requestIds: requests.map((request) => request.id),
          expected: expectedDecision,
          store: stores[0],
          sealer,
        });
        note(
          `dropped callbacks: ${COUNT}×3 in ${((performance.now() - started) / 1000).toFixed(1)} s; leader decided ${leaderTotals.decided} (failed ${leaderTotals.failed}), the other took over and decided ${standbyTotals.decided} (repaired ${standbyTotals.repaired}, failed ${standbyTotals.failed}) in ${sweeps.length} sweeps; faults ${JSON.stringify(sandbox.stats.faults)}`,
        );
        expect(report).toEqual({
          decided: 3 * COUNT,
          lost: [],
          duplicates: [],
          wrong: [],
          store: [],
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
