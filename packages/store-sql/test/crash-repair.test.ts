// Exactly once across a crash: a real backend process is KILLED (SIGKILL)
// right after Procountor answered its approve/reject call and before the
// outcome reached the store. A restarted process runs repairDecisions, which
// replays the stored intent with the same Idempotency-Key: the sandbox
// answers the first result, so nothing is lost or doubled (checked against
// the sandbox's audit log).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningSandbox, startSandbox } from "@pcx/sandbox";
import { createKeyring, generateKeyringKey } from "@pcx/sdk";
import { createPostgresStore } from "@pcx/store-sql/postgres";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import {
  acmeWire,
  checkExactlyOnce,
  describePostgres,
  loadTestDecision,
  signTestState,
  startAsNewCustomer,
  TEST_STATE_SECRET,
} from "@pcx/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertInstancesBuilt,
  type InstanceConfig,
  type InstanceStore,
  startInstance,
} from "./answering-instances.js";
import { dropSchemas, randomSchemaName } from "./postgres-schema.js";

beforeAll(assertInstancesBuilt);

const KEY = generateKeyringKey();

async function crashThenRepair(store: InstanceStore) {
  const sandbox: RunningSandbox = await startSandbox({ port: 0 });
  try {
    const { id: integrationId } = sandbox.engine.createIntegration(
      sandbox.credentials.clientId,
      acmeWire(),
    );
    sandbox.engine.reviewIntegration(integrationId, "approve");
    const request = startAsNewCustomer(sandbox, integrationId, {
      state: await signTestState(integrationId, "acme-customer-crash"),
    });
    const base: Omit<InstanceConfig, "mode" | "name"> = {
      apiBaseUrl: sandbox.apiBaseUrl,
      credentials: sandbox.credentials,
      integrationId,
      store,
      keyringKey: KEY,
      stateSecret: TEST_STATE_SECRET,
    };

    const doomed = startInstance({
      ...base,
      mode: "callback",
      name: "instance-doomed",
      crashAfterDecision: true,
      callbackUrl: sandbox.engine.callbackUrlFor(request.id),
    });
    const crashing = await doomed.waitFor("crashing");
    expect(await doomed.exit).toEqual({ code: null, signal: "SIGKILL" });
    // Procountor applied the first call; the store has intents only.
    const audit = () =>
      sandbox.engine
        .dumpState()
        .audit.filter((row) => row.kind === "environment.decided" && row.requestId === request.id);
    const appliedBeforeRepair = audit().length;
    expect(appliedBeforeRepair).toBeGreaterThan(0);
    const opened =
      store.kind === "sqlite"
        ? await createSqliteStore({ filename: store.filename })
        : await createPostgresStore({ connectionString: store.url, schema: store.schema });
    try {
      const intents = await opened.listUnappliedDecisions();
      expect(intents).toHaveLength(3);
      expect(intents.map((d) => d.idempotencyKey)).toContain(crashing.idempotencyKey);
      expect(await opened.listActivations({ integrationId })).toEqual([]);
      const replaysBefore = sandbox.stats.idempotentReplays;

      const restarted = startInstance({ ...base, mode: "repair", name: "instance-restarted" });
      const done = await restarted.waitFor("done");
      expect(await restarted.exit).toMatchObject({ code: 0 });
      expect(done).toMatchObject({ failed: 0, errors: 0 });
      // The crashed call was replayed under its key and answered from the first result.
      expect(sandbox.stats.idempotentReplays).toBe(replaysBefore + 1);
      expect(audit()).toHaveLength(3);
      expect(await opened.listUnappliedDecisions()).toEqual([]);
      const report = await checkExactlyOnce({
        state: sandbox.engine.dumpState(),
        integrationId,
        requestIds: [request.id],
        expected: (_requestId, companyId) => {
          const decision = loadTestDecision(companyId);
          return decision.action === "approve"
            ? { decision: "APPROVED" }
            : { decision: "REJECTED", reason: decision.reason as string };
        },
        store: opened,
        sealer: createKeyring({ keys: [{ id: "k1", key: KEY }] }),
      });
      expect(report).toEqual({ decided: 3, lost: [], duplicates: [], wrong: [], store: [] });
    } finally {
      await opened.close();
    }
  } finally {
    await sandbox.close();
  }
}

describe("a process killed between the API call and the store's write (SQLite file)", () => {
  const dir = mkdtempSync(join(tmpdir(), "pcx-crash-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("is repaired after a restart with the same key: decided once", async () => {
    await crashThenRepair({ kind: "sqlite", filename: join(dir, "pcx.db") });
  }, 90_000);
});

describePostgres(
  "a process killed between the API call and the store's write (PostgreSQL)",
  (url) => {
    const schema = randomSchemaName();
    afterAll(() => dropSchemas(url, [schema]));
    it("is repaired after a restart with the same key: decided once", async () => {
      await crashThenRepair({ kind: "postgres", url, schema });
    }, 90_000);
  },
);
