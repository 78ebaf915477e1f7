// The decision module against the real sandbox over HTTP: per-environment
// outcomes, one decision per environment under concurrency, a crash between
// the API call and the store's write, and refusals the module settles itself.
import { closeAfterEach, decisionSandbox, testSealer } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import {
  type ActivationStore,
  applyDecision,
  approveAll,
  createMemoryStore,
  rejectAll,
  repairDecisions,
} from "../src/index.js";

const track = closeAfterEach();

async function setup(
  options: Parameters<typeof decisionSandbox>[0] = {},
  clientOptions: Parameters<typeof decisionSandbox>[1] = {},
) {
  const world = await decisionSandbox(options, clientOptions);
  track(world);
  const integrationId = world.publish();
  return { ...world, integrationId };
}

describe("applyDecision", () => {
  it("approves some environments and rejects others with a reason, sealing the keys it gets", async () => {
    const w = await setup();
    const request = w.start(w.integrationId, [1001, 1002, 1004]);
    const store = createMemoryStore();
    const sealer = testSealer();
    const result = await applyDecision({
      client: w.client,
      store,
      sealer,
      request,
      decidedBy: "instance-a",
      decision: [
        { companyId: 1001, action: "approve" },
        { companyId: 1002, action: "reject", reason: "No Acme contract for this company" },
        { companyId: 1004, action: "defer" },
      ],
    });
    expect(result.environments.map((e) => [e.companyId, e.outcome, e.status, e.reason])).toEqual([
      [1001, "approved", "APPROVED", null],
      [1002, "rejected", "REJECTED", "No Acme contract for this company"],
      [1004, "deferred", "PENDING", null],
    ]);
    expect(result.environments[0]?.decidedBy).toBe("instance-a");
    expect(w.decided(request.id)).toEqual([
      { companyId: 1001, decision: "APPROVED", reason: undefined },
      { companyId: 1002, decision: "REJECTED", reason: "No Acme contract for this company" },
    ]);
    // The key is handed over once, sealed into the store, and never enumerable.
    expect(result.credentials).toHaveLength(1);
    const apiKey = result.credentials[0]?.apiKey ?? "";
    expect(apiKey.length).toBeGreaterThan(10);
    expect(JSON.stringify(result)).not.toContain(apiKey);
    expect(Object.keys(result)).not.toContain("credentials");
    const activation = await store.getActivation(w.integrationId, 1001);
    expect(activation).toMatchObject({ status: "ACTIVE", requestId: request.id, version: 1 });
    expect(activation?.sealedApiKey).not.toContain(apiKey);
    expect(await sealer.open(activation?.sealedApiKey ?? "")).toBe(apiKey);
    expect((await store.listDecisions(request.id)).map((d) => [d.companyId, d.status])).toEqual([
      [1001, "applied"],
      [1002, "applied"],
    ]);
    expect(await store.listUnappliedDecisions()).toEqual([]);

    // Deciding the deferred environment later leaves the others as they were.
    const later = await applyDecision({
      client: w.client,
      store,
      sealer,
      request: await w.client.activationRequests.get(request.id),
      decidedBy: "instance-b",
      decision: approveAll(request),
    });
    expect(later.environments.map((e) => [e.outcome, e.decidedBy])).toEqual([
      ["already_decided", "instance-a"],
      ["already_decided", "instance-a"],
      ["approved", "instance-b"],
    ]);
    expect(later.request.status).toBe("COMPLETED");
    expect(w.decided(request.id)).toHaveLength(3);
  });

  it("gives one decision per environment when two instances decide at once", async () => {
    const w = await setup();
    const request = w.start(w.integrationId, [1001, 1002]);
    const store = createMemoryStore();
    const sealer = testSealer();
    const [a, b] = await Promise.all([
      applyDecision({
        client: w.client,
        store,
        sealer,
        request,
        decidedBy: "a",
        decision: approveAll(request),
      }),
      applyDecision({
        client: w.client,
        store,
        sealer,
        request,
        decidedBy: "b",
        decision: rejectAll(request, "Rejected by b"),
      }),
    ]);
    expect(w.decided(request.id)).toEqual([
      { companyId: 1001, decision: "APPROVED", reason: undefined },
      { companyId: 1002, decision: "APPROVED", reason: undefined },
    ]);
    expect(a?.environments.map((e) => e.outcome)).toEqual(["approved", "approved"]);
    expect(b?.environments.map((e) => [e.outcome, e.status, e.decidedBy])).toEqual([
      ["already_decided", "APPROVED", "a"],
      ["already_decided", "APPROVED", "a"],
    ]);
    expect(a?.credentials).toHaveLength(2);
    expect(b?.credentials).toEqual([]);
  });

  it("gives one decision when two instances with separate stores take the same decision", async () => {
    const w = await setup();
    const request = w.start(w.integrationId, [1001, 1004]);
    const sealer = testSealer();
    const decide = (store: ActivationStore, decidedBy: string) =>
      applyDecision({
        client: w.client,
        store,
        sealer,
        request,
        decidedBy,
        decision: approveAll(request),
      });
    const [a, b] = await Promise.all([
      decide(createMemoryStore(), "a"),
      decide(createMemoryStore(), "b"),
    ]);
    expect(w.decided(request.id)).toHaveLength(2);
    expect(w.sandbox.stats.idempotentReplays).toBeGreaterThanOrEqual(1);
    // Both got the API's one answer: the same technical user keys.
    expect(b?.credentials.map((c) => c.apiKey)).toEqual(a?.credentials.map((c) => c.apiKey));
  });

  it("reports environments decided outside pcx as already decided, by nobody it knows", async () => {
    const w = await setup();
    const request = w.start(w.integrationId, [1001, 1002]);
    w.sandbox.engine.rejectActivationRequest(w.sandbox.credentials.clientId, request.id, {
      reason: "Decided in another tool",
      environments: [1001],
    });
    const result = await applyDecision({
      client: w.client,
      store: createMemoryStore(),
      sealer: false,
      request, // read before the other tool decided: the API refuses the group, the rest is decided alone
      decidedBy: "a",
      decision: approveAll(request),
    });
    expect(result.environments.map((e) => [e.companyId, e.outcome, e.status, e.decidedBy])).toEqual(
      [
        [1001, "already_decided", "REJECTED", null],
        [1002, "approved", "APPROVED", "a"],
      ],
    );
    expect(w.decided(request.id)).toHaveLength(2);
  });

  it("reports an expired request as expired and does not replay it again", async () => {
    let now = new Date("2025-06-01T10:00:00Z");
    const w = await setup({ now: () => now, requestTtlMs: 60_000 });
    const request = w.start(w.integrationId, [1001]);
    now = new Date(now.getTime() + 61_000);
    const store = createMemoryStore();
    const result = await applyDecision({
      client: w.client,
      store,
      sealer: false,
      request,
      decidedBy: "a",
      decision: approveAll(request),
      now: () => now,
    });
    expect(result.environments.map((e) => [e.outcome, e.status])).toEqual([["expired", "EXPIRED"]]);
    expect(await store.listUnappliedDecisions()).toEqual([]);
    expect(w.decided(request.id)).toEqual([]);
  });

  it("refuses a decision that does not fit the request, deciding nothing", async () => {
    const w = await setup();
    const request = w.start(w.integrationId, [1001]);
    const store = createMemoryStore();
    await expect(
      applyDecision({
        client: w.client,
        store,
        sealer: false,
        request,
        decidedBy: "a",
        decision: [{ companyId: 1001, action: "reject", reason: "" }],
      }),
    ).rejects.toMatchObject({ code: "pcx_usage", message: expect.stringMatching(/0\.reason/) });
    expect(await store.listDecisions(request.id)).toEqual([]);
    expect(w.decided(request.id)).toEqual([]);
  });
});

describe("repairDecisions", () => {
  it("finishes a decision whose process died between the API call and the store's write", async () => {
    const w = await setup();
    const request = w.start(w.integrationId, [1001, 1002]);
    const store = createMemoryStore();
    const sealer = testSealer();
    // The "crash": the store fails right after Procountor applied the approval.
    const crashing: ActivationStore = {
      ...store,
      saveActivation: async () => {
        throw new Error("process died");
      },
    };
    await expect(
      applyDecision({
        client: w.client,
        store: crashing,
        sealer,
        request,
        decidedBy: "a",
        decision: approveAll(request),
      }),
    ).rejects.toThrow("process died");
    expect(w.decided(request.id)).toHaveLength(2);
    expect((await store.listUnappliedDecisions()).map((d) => d.companyId)).toEqual([1001, 1002]);
    expect(await store.getActivation(w.integrationId, 1001)).toBeUndefined();

    const repaired = await repairDecisions({ client: w.client, store, sealer });
    expect(repaired.failed).toEqual([]);
    expect(repaired.repaired).toHaveLength(1);
    expect(repaired.repaired[0]?.environments.map((e) => e.outcome)).toEqual([
      "approved",
      "approved",
    ]);
    expect(repaired.repaired[0]?.credentials).toHaveLength(2);
    // Replayed, not applied twice; the keys are saved, sealed.
    expect(w.decided(request.id)).toHaveLength(2);
    expect(await store.listUnappliedDecisions()).toEqual([]);
    const saved = await store.getActivation(w.integrationId, 1002);
    expect(await sealer.open(saved?.sealedApiKey ?? "")).toBe(
      repaired.repaired[0]?.credentials[1]?.apiKey,
    );
    // Nothing left: a second run does nothing.
    expect(await repairDecisions({ client: w.client, store, sealer })).toEqual({
      repaired: [],
      failed: [],
    });
  });

  it("keeps the intents of a request it cannot reach, and says which", async () => {
    const w = await setup({}, { retry: { maxAttempts: 1 } });
    const request = w.start(w.integrationId, [1001]);
    const store = createMemoryStore();
    await store.claimDecisions({
      requestId: request.id,
      intents: [{ companyId: 1001, action: "approve", reason: null }],
      keyFor: () => "pcx-approve-test-key",
      decidedBy: "a",
      now: new Date(),
    });
    await w.sandbox.close();
    const repaired = await repairDecisions({ client: w.client, store, sealer: false });
    expect(repaired.failed.map((f) => f.requestId)).toEqual([request.id]);
    expect(await store.listUnappliedDecisions()).toHaveLength(1);
  });
});
