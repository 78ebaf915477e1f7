// Load under faults, one process, SQLite file: PCX_LOAD_REQUESTS (default
// 1,000) activation requests of 3 environments each, every callback handled
// by the callback handler while the sandbox faults 20 % of API calls
// (chaos 0.2: 500, 503, 429, dropped connections before and after the
// change, latency). A final reconciler sweep picks up what a callback could
// not finish. Ends with zero lost and zero duplicate decisions, checked
// against the sandbox's audit log.
import { createCallbackHandler, createKeyring, generateKeyringKey } from "@pcx/sdk";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import { approvedAcmeIntegration, startSignedCustomers, TEST_STATE_SECRET } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { inParallel } from "./answering-instances.js";
import {
  expectExactlyOnce,
  inProcessClient,
  loadReconciler,
  sweepUntilSettled,
} from "./load-run.js";
import {
  chaosSandbox,
  hookDecision,
  loadCount,
  loadTimeout,
  note,
  suiteSqliteFile,
} from "./load-settings.js";

const COUNT = loadCount("PCX_LOAD_REQUESTS", 1000, 1000);

describe(`load: ${COUNT} requests × 3 environments under chaos 0.2, one process, SQLite file`, () => {
  const filename = suiteSqliteFile();

  it(
    "decides every environment exactly once",
    async () => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      // In process: the client's calls go through the sandbox's fetch (no socket),
      // faults included: a dropped connection rejects as fetch does.
      const sandbox = chaosSandbox(11);
      // synchronous "normal": commits survive a process crash (what these tests are
      // about), not a power cut. With "full", each commit's fsync on this shared
      // disk blocks the one thread that also serves the sandbox.
      const store = await createSqliteStore({ filename, synchronous: "normal" });
      const sealer = createKeyring({ keys: [{ id: "k1", key: generateKeyringKey() }] });
      const client = inProcessClient(sandbox, { maxAttempts: 10, maxElapsedMs: 60_000 });
      try {
        const integrationId = approvedAcmeIntegration(sandbox);
        const requests = await startSignedCustomers(sandbox, integrationId, COUNT);
        const errors: string[] = [];
        const handler = createCallbackHandler({
          client,
          integrationId,
          stateSecrets: { k1: TEST_STATE_SECRET },
          store,
          sealer,
          decidedBy: "callback-load",
          onActivationRequest: (request) => hookDecision(request),
          logger: { warn() {}, error: (m) => errors.push(m) },
        });
        const pages: Record<number, number> = {};
        await inParallel(requests, 64, async (request) => {
          const page = await handler.handle(new Request(sandbox.engine.callbackUrlFor(request.id)));
          await page.arrayBuffer();
          pages[page.status] = (pages[page.status] ?? 0) + 1;
        });
        // What a callback could not finish (retries used up) is the reconciler's.
        const reconciler = loadReconciler({ client, integrationId, store, sealer });
        const sweeps = await sweepUntilSettled(reconciler, 5);
        await reconciler.stop();

        note(
          `load sqlite: ${COUNT}×3 in ${((performance.now() - started) / 1000).toFixed(1)} s (cpu ${((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6).toFixed(1)} s); pages ${JSON.stringify(pages)}; faults ${JSON.stringify(sandbox.stats.faults)}; replays ${sandbox.stats.idempotentReplays}; reconciler decided ${sweeps.reduce((n, s) => n + s.decided, 0)}, repaired ${sweeps.reduce((n, s) => n + s.repaired, 0)}`,
        );
        await expectExactlyOnce(sandbox, { integrationId, requests, store, sealer });
        expect(Object.values(sandbox.stats.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      } finally {
        await client.close();
        await store.close();
        await sandbox.close();
      }
      // Measured: 1,000 × 3 in 27 s (8 s CPU) at load 16 on 2 cores, in process.
    },
    loadTimeout(COUNT, 60),
  );
});
