// The reconciler on several instances (leases, a callback at the same
// moment), activation status sync, start/stop, the client's rate limit, and
// the options and hook answers it refuses. Real sandbox, fake clock.
import { acmeRights, acmeWire, startAsNewCustomer, TEST_STATE_SECRET } from "@pcx/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createClient,
  createMemoryStore,
  createReconciler,
  fetchTransport,
  isPcxError,
  type ReconcilerOptions,
  type Transport,
} from "../src/index.js";
import { reconcilerSetup } from "./reconciler-setup.js";

describe("createReconciler on several instances", () => {
  it("sweeps on one instance at a time and hands the sweep over on stop()", async () => {
    const t = await reconcilerSetup();
    const a = t.reconciler({ decidedBy: "reconciler-a" });
    const b = t.reconciler({ decidedBy: "reconciler-b" });
    t.w.start(t.integrationId, [1001], await t.signedState());
    t.afterGrace();
    expect(await a.sweep()).toMatchObject({ skipped: null, decided: 1 });
    expect(await b.sweep()).toMatchObject({ skipped: "lease_held" });
    expect(t.events("sweep.skipped")).toEqual([expect.objectContaining({ reason: "lease_held" })]);
    // The lease outlives a sweep: a keeps sweeping.
    expect(await a.sweep()).toMatchObject({ skipped: null });
    await a.stop();
    expect(await b.sweep()).toMatchObject({ skipped: null });
    // A crashed holder's lease runs out (leaseMs, 2 min by default).
    const c = t.reconciler({ decidedBy: "reconciler-c" });
    expect(await c.sweep()).toMatchObject({ skipped: "lease_held" });
    t.time.advance(120_001);
    expect(await c.sweep()).toMatchObject({ skipped: null });
  });

  it("leaves a request another instance holds the lease of until that lease runs out", async () => {
    const t = await reconcilerSetup();
    const r = t.reconciler();
    const request = t.w.start(t.integrationId, [1001], await t.signedState());
    t.afterGrace();
    await t.store.acquireLease({
      name: `pcx:reconciler:request:${request.id}`,
      holder: "reconciler-elsewhere",
      ttlMs: 120_000,
      now: t.time.now(),
    });
    expect(await r.sweep()).toMatchObject({ left: 1, decided: 0 });
    t.time.advance(120_001);
    expect(await r.sweep()).toMatchObject({ decided: 1 });
  });

  it("decides each environment once when the callback and the reconciler take the same request at the same moment", async () => {
    const t = await reconcilerSetup();
    let hooks = 0;
    const hook = (_request: unknown, ctx: { approveAll(): never[] } & Record<string, unknown>) => {
      hooks++;
      return ctx.approveAll();
    };
    const handler = t.callbackHandler({
      decidedBy: "callback-1",
      onActivationRequest: hook as never,
    });
    const r = t.reconciler({ callbackGraceMs: 0, onActivationRequest: hook as never });
    const states = await Promise.all(Array.from({ length: 5 }, (_) => t.signedState()));
    const requests = states.map((state) =>
      startAsNewCustomer(t.w.sandbox, t.integrationId, { state }),
    );
    const [summary] = await Promise.all([
      r.sweep(),
      ...requests.map((request) => handler.handle(t.w.callback(request.id))),
    ]);
    expect(summary.failed).toBe(0);
    expect(hooks).toBeGreaterThanOrEqual(5);
    const report = await (await import("@pcx/testkit")).checkExactlyOnce({
      state: t.w.sandbox.engine.dumpState(),
      integrationId: t.integrationId,
      requestIds: requests.map((request) => request.id),
      expected: () => ({ decision: "APPROVED" }),
      store: t.store,
      sealer: t.sealer,
    });
    expect(report).toEqual({ decided: 15, lost: [], duplicates: [], wrong: [], store: [] });
  });
});

describe("createReconciler: activation status", () => {
  it("syncs UPDATE_REQUIRED and REMOVED into the store and calls onStatusChange, keeping the sealed key", async () => {
    const t = await reconcilerSetup();
    const r = t.reconciler();
    t.w.start(t.integrationId, [1001, 1004], await t.signedState());
    t.afterGrace();
    await r.sweep();
    // The fixture environment 1003 got an activation outside pcx when the integration was approved.
    expect(t.changes.map((c) => [c.companyId, c.previousStatus, c.status])).toEqual([
      [1003, null, "ACTIVE"],
    ]);
    const sealed = (await t.store.getActivation(t.integrationId, 1001))?.sealedApiKey;
    expect(sealed).toMatch(/^sealed:/);

    const clientId = t.w.sandbox.credentials.clientId;
    t.w.sandbox.engine.updateIntegration(clientId, t.integrationId, acmeWire(acmeRights()));
    t.w.sandbox.engine.reviewIntegration(t.integrationId, "approve");
    await t.w.client.activations.deactivate(t.integrationId, 1004);
    t.time.advance(30_000);
    const swept = await r.sweep();
    expect(swept.statusChanges).toBe(3);
    const changes = t.changes.slice(1).map((c) => [c.companyId, c.previousStatus, c.status]);
    expect(changes).toEqual(
      expect.arrayContaining([
        [1001, "ACTIVE", "UPDATE_REQUIRED"],
        [1003, "ACTIVE", "UPDATE_REQUIRED"],
        [1004, "ACTIVE", "REMOVED"],
      ]),
    );
    const stored = await t.store.getActivation(t.integrationId, 1001);
    expect(stored).toMatchObject({ status: "UPDATE_REQUIRED", version: 1, sealedApiKey: sealed });
    expect(t.events("activation.status_changed")).toContainEqual(
      expect.objectContaining({ companyId: 1004, previousStatus: "ACTIVE", status: "REMOVED" }),
    );
    // Nothing changed since: no new calls.
    t.time.advance(30_000);
    expect(await r.sweep()).toMatchObject({ statusChanges: 0 });
    expect(t.changes).toHaveLength(4);
  });
});

describe("createReconciler: observing hooks that throw", () => {
  it("logs hook.failed for onDecided and onStatusChange and goes on deciding", async () => {
    const t = await reconcilerSetup();
    const r = t.reconciler({
      onDecided: () => {
        throw new Error("onDecided broke");
      },
      onStatusChange: () => {
        throw new Error("onStatusChange broke");
      },
    });
    const request = t.w.start(t.integrationId, [1001], await t.signedState());
    t.afterGrace();
    const swept = await r.sweep();
    expect(swept.statusChanges).toBeGreaterThan(0);
    expect(t.w.decided(request.id)).toEqual([
      expect.objectContaining({ companyId: 1001, decision: "APPROVED" }),
    ]);
    expect(t.events("hook.failed")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          hook: "onDecided",
          requestId: request.id,
          message: "onDecided broke",
        }),
        expect.objectContaining({
          hook: "onStatusChange",
          companyId: 1003,
          message: "onStatusChange broke",
        }),
      ]),
    );
  });
});

describe("createReconciler: start and stop", () => {
  it("sweeps every intervalMs until stop(), which lets the request in flight finish and resolves with the totals", async () => {
    const t = await reconcilerSetup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered!: () => void;
    const inHook = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const r = t.reconciler({
      callbackGraceMs: 0,
      onActivationRequest: async (_request, ctx) => {
        entered();
        await gate;
        return ctx.approveAll();
      },
    });
    const request = t.w.start(t.integrationId, [1001], await t.signedState());
    r.start();
    r.start(); // again: nothing
    await inHook;
    let stopped = false;
    const stopping = r.stop().then((totals) => {
      stopped = true;
      return totals;
    });
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false); // the hook still runs
    release();
    const totals = await stopping;
    expect(totals).toMatchObject({ sweeps: 1, decided: 1 });
    expect(t.w.decided(request.id)).toHaveLength(1);
    expect(t.events("reconciler.stopped")[0]).toMatchObject({ decided: 1, sweeps: 1 });
    expect(await r.stop()).toEqual(totals);
    // No sweep after stop, and the sweep lease is free for another instance.
    expect(await r.sweep()).toMatchObject({ skipped: "stopping" });
    expect(await t.reconciler({ decidedBy: "next" }).sweep()).toMatchObject({ skipped: null });
  });

  it("waits intervalMs (injected sleep) between sweeps and keeps going after a failed sweep", async () => {
    const t = await reconcilerSetup();
    let lists = 0;
    const client = {
      ...t.w.client,
      activationRequests: {
        ...t.w.client.activationRequests,
        list: (...args: Parameters<typeof t.w.client.activationRequests.list>) => {
          lists++;
          if (lists === 1) throw new Error("API down");
          return t.w.client.activationRequests.list(...args);
        },
      },
      activations: t.w.client.activations,
    };
    const r = t.reconciler({ client, intervalMs: 10_000 });
    r.start();
    while (lists < 3) await new Promise((resolve) => setImmediate(resolve));
    await r.stop();
    expect(t.time.sleeps.slice(0, 2)).toEqual([10_000, 10_000]);
    expect(t.events("sweep.failed")[0]).toMatchObject({ sweep: 1, message: "API down" });
    expect(t.events("sweep.finished").length).toBeGreaterThanOrEqual(1);
  });
});

describe("createReconciler: the client's rate limit", () => {
  it("makes every call through the client's limiter: never above its rate, and close to it while there is work", async () => {
    const t = await reconcilerSetup();
    const sent: number[] = [];
    const inner = fetchTransport();
    const transport: Transport = {
      request: (request) => {
        sent.push(t.time.nowMs());
        return inner.request(request);
      },
    };
    const rate = 5;
    const client = createClient({
      baseUrl: t.w.sandbox.apiBaseUrl,
      credentials: t.w.sandbox.credentials,
      transport,
      rateLimit: { requestsPerSecond: rate },
      now: t.time.now,
      sleep: t.time.sleep,
    });
    const r = t.reconciler({ client, callbackGraceMs: 0, syncActivations: false });
    for (let i = 0; i < 6; i++) {
      startAsNewCustomer(t.w.sandbox, t.integrationId, {
        companies: 2,
        state: await t.signedState(),
      });
    }
    expect(await r.sweep()).toMatchObject({ decided: 6 });
    await inner.close?.();
    // token + list + 6 approvals
    expect(sent.length).toBe(8);
    const interval = 1000 / rate;
    for (let i = 1; i < sent.length; i++) {
      expect((sent[i] as number) - (sent[i - 1] as number)).toBeGreaterThanOrEqual(interval);
    }
    const span = (sent.at(-1) as number) - (sent[0] as number);
    expect((sent.length - 1) / (span / 1000)).toBeGreaterThanOrEqual(rate * 0.95);
  });
});

describe("createReconciler: what it refuses", () => {
  it("refuses missing or invalid options with pcx_config naming the option", async () => {
    const t = await reconcilerSetup();
    const base: ReconcilerOptions = {
      client: t.w.client,
      integrationId: t.integrationId,
      store: createMemoryStore(),
      sealer: t.sealer,
      stateSecrets: { k1: TEST_STATE_SECRET },
      onActivationRequest: (_request, ctx) => ctx.approveAll(),
    };
    const refused = (overrides: Record<string, unknown>) => {
      try {
        createReconciler({ ...base, ...overrides } as ReconcilerOptions);
      } catch (error) {
        expect(isPcxError(error) && error.code).toBe("pcx_config");
        return (error as Error).message;
      }
      throw new Error("expected pcx_config");
    };
    expect(refused({ client: {} })).toMatch(/`client`/);
    expect(refused({ integrationId: 0 })).toMatch(/`integrationId`/);
    expect(refused({ store: undefined })).toMatch(/`store` is required/);
    expect(refused({ sealer: undefined })).toMatch(/`sealer` is required/);
    expect(refused({ onActivationRequest: undefined })).toMatch(/`onActivationRequest`/);
    expect(refused({ stateSecrets: undefined })).toMatch(/`stateSecrets`/);
    expect(refused({ stateSecrets: { k1: "short" } })).toMatch(/at least 32 bytes/);
    expect(refused({ intervalMs: 60_000, lastCallBeforeExpiryMs: 60_000 })).toMatch(
      /`lastCallBeforeExpiryMs` must be a whole number from 120000/,
    );
    expect(refused({ concurrency: 0 })).toMatch(/`concurrency`/);
    expect(refused({ pageSize: 500 })).toMatch(/`pageSize` must be a whole number from 1 to 200/);
    expect(refused({ leaseMs: 10, intervalMs: 1000 })).toMatch(/`leaseMs`/);
  });

  it("never applies a hook answer that is not a decision for the request, whatever it returns", async () => {
    const t = await reconcilerSetup();
    const store = createMemoryStore();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.array(
            fc.record({
              companyId: fc.oneof(fc.integer(), fc.constant(-1)),
              action: fc.constantFrom("approve", "reject", "defer", "maybe"),
              reason: fc.option(fc.string({ maxLength: 3 })),
            }),
            { maxLength: 3 },
          ),
        ),
        async (answer) => {
          const integrationId = t.w.publish();
          const request = startAsNewCustomer(t.w.sandbox, integrationId, { companies: 1 });
          const r = createReconciler({
            client: t.w.client,
            integrationId,
            store,
            sealer: t.sealer,
            requireState: false,
            callbackGraceMs: 0,
            syncActivations: false,
            now: t.time.now,
            onActivationRequest: () => answer as never,
          });
          const summary = await r.sweep();
          await r.stop();
          expect(summary.decided + summary.failed + summary.deferred).toBe(1);
          // Only a valid decision naming this environment decides anything.
          const valid =
            Array.isArray(answer) &&
            answer.length === 1 &&
            answer[0]?.companyId === request.environments[0]?.companyId &&
            (answer[0]?.action === "approve" ||
              (answer[0]?.action === "reject" && (answer[0]?.reason ?? "").trim() !== ""));
          expect(t.w.decided(request.id).length).toBe(valid ? 1 : 0);
        },
      ),
      { numRuns: 40, interruptAfterTimeLimit: 4_000 },
    );
  });
});
