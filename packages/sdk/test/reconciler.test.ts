// The reconciler against the real sandbox on a fake clock: requests whose
// callback never came, decided with the callback's hook; refused states;
// the defer rule; repair first. Several instances, status sync, start/stop
// and the rate limit are in reconciler-instances.test.ts.
import { storeDyingBeforeOutcome, TEST_STATE_SECRET } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { type ActivationRequestContext, signState, verifyState } from "../src/index.js";
import { reconcilerSetup } from "./reconciler-setup.js";

describe("createReconciler: requests the callback never saw", () => {
  it("decides them with the callback's hook after the grace period, seals the keys and logs events without secrets", async () => {
    const t = await reconcilerSetup();
    const seen: Array<Pick<ActivationRequestContext, "via" | "ref" | "httpRequest">> = [];
    const r = t.reconciler({
      onActivationRequest: (request, ctx) => {
        seen.push({ via: ctx.via, ref: ctx.ref, httpRequest: ctx.httpRequest });
        return request.environments.map((env) =>
          env.companyId === 1004
            ? { companyId: env.companyId, action: "reject" as const, reason: "No contract" }
            : { companyId: env.companyId, action: "approve" as const },
        );
      },
    });
    const request = t.w.start(
      t.integrationId,
      [1001, 1004],
      await t.signedState("acme-customer-7"),
    );

    const young = await r.sweep();
    expect(young).toMatchObject({ pending: 1, left: 1, decided: 0 });
    expect(seen).toEqual([]);

    t.afterGrace();
    const swept = await r.sweep();
    expect(swept).toMatchObject({ pending: 1, decided: 1, left: 0, failed: 0, skipped: null });
    expect(seen).toEqual([{ via: "reconciler", ref: "acme-customer-7", httpRequest: null }]);
    expect(t.w.decided(request.id)).toEqual([
      { companyId: 1001, decision: "APPROVED", reason: undefined },
      { companyId: 1004, decision: "REJECTED", reason: "No contract" },
    ]);
    const records = await t.store.listDecisions(request.id);
    expect(records.map((d) => [d.companyId, d.status, d.outcome, d.decidedBy])).toEqual([
      [1001, "applied", "APPROVED", "reconciler-test"],
      [1004, "applied", "REJECTED", "reconciler-test"],
    ]);
    expect(await t.store.getRequest(request.id)).toMatchObject({
      ref: "acme-customer-7",
      deferred: false,
    });
    const activation = await t.store.getActivation(t.integrationId, 1001);
    expect(activation?.sealedApiKey).toMatch(/^sealed:/);
    expect(t.decided).toHaveLength(1);
    expect(t.decided[0]?.via).toBe("reconciler");
    const [credential] = t.decided[0]?.result.credentials ?? [];
    expect(await t.sealer.open(activation?.sealedApiKey ?? "")).toBe(credential?.apiKey);

    expect(t.events("request.decided")).toEqual([
      expect.objectContaining({
        requestId: request.id,
        environments: "1001:approved 1004:rejected",
      }),
    ]);
    expect(t.events("sweep.finished").at(-1)).toMatchObject({ decided: 1, pending: 1 });
    const logged = JSON.stringify(t.logs);
    expect(credential?.apiKey.length).toBeGreaterThan(20);
    expect(logged).not.toContain(credential?.apiKey);
    expect(logged).not.toContain(t.w.sandbox.credentials.clientSecret);

    // Nothing is left: the request is no longer pending.
    expect(await r.sweep()).toMatchObject({ pending: 0, decided: 0 });
  });

  it("leaves requests whose state is refused undecided, logging each refusal once", async () => {
    const t = await reconcilerSetup();
    let asked = 0;
    const r = t.reconciler({
      onActivationRequest: (_request, ctx) => {
        asked++;
        return ctx.approveAll();
      },
    });
    const sign = (integrationId: number, secret = TEST_STATE_SECRET) =>
      signState({ ref: "x" }, { secret, keyId: "k1", integrationId, now: t.time.now });
    const missing = t.w.start(t.integrationId, [1001]);
    const forged = t.w.start(
      t.integrationId,
      [1004],
      await sign(t.integrationId, "another-secret-of-enough-length-0123456789"),
    );
    const otherIntegration = t.w.start(t.integrationId, [1005], await sign(999));
    const usedState = await sign(t.integrationId);
    const replayed = t.w.start(t.integrationId, [1006], usedState);
    const used = await verifyState(usedState, {
      secrets: { k1: TEST_STATE_SECRET },
      integrationId: t.integrationId,
      now: t.time.now,
    });
    if (!used.ok) throw new Error(`the test's own state does not verify: ${used.message}`);
    await t.store.consumeNonce({
      nonce: used.nonce,
      requestId: 99_999,
      expiresAt: new Date(t.time.nowMs() + 86_400_000),
      now: t.time.now(),
    });
    t.afterGrace();
    expect(await r.sweep()).toMatchObject({ pending: 4, refused: 4, decided: 0 });
    expect(await r.sweep()).toMatchObject({ refused: 4 });
    expect(asked).toBe(0);
    const refusals = t.events("request.refused").map((f) => [f.requestId, f.code, f.reason]);
    expect(refusals).toEqual(
      expect.arrayContaining([
        [missing.id, "pcx_invalid_state", "missing"],
        [forged.id, "pcx_invalid_state", "bad_signature"],
        [otherIntegration.id, "pcx_wrong_integration", "wrong_integration"],
        [replayed.id, "pcx_state_replayed", "replayed"],
      ]),
    );
    expect(refusals).toHaveLength(4); // once each, not once per sweep
    for (const request of [missing, forged, otherIntegration, replayed]) {
      expect(t.w.decided(request.id)).toEqual([]);
    }
  });

  it("with requireState off and no secrets, decides activation requests without a state and ignores unverifiable ones", async () => {
    const t = await reconcilerSetup();
    const r = t.reconciler({ requireState: false, stateSecrets: undefined });
    const plain = t.w.start(t.integrationId, [1001]);
    const signed = t.w.start(t.integrationId, [1004], await t.signedState());
    t.afterGrace();
    expect(await r.sweep()).toMatchObject({ decided: 2 });
    expect(t.w.decided(plain.id)).toHaveLength(1);
    // Without secrets the state cannot be verified, so the hook does not get it.
    expect(await t.store.getRequest(signed.id)).toMatchObject({ ref: null, stateNonce: null });
  });
});

describe("createReconciler: the defer rule", () => {
  it("asks the hook again once, lastCallBeforeExpiryMs before expiry, for a request it deferred", async () => {
    const t = await reconcilerSetup();
    const calls: number[] = [];
    let answer: "defer" | "approve" = "defer";
    const r = t.reconciler({
      onActivationRequest: (_request, ctx) => {
        calls.push(t.time.nowMs());
        return answer === "defer" ? ctx.defer("https://acme.example/contract") : ctx.approveAll();
      },
    });
    const request = t.w.start(t.integrationId, [1001], await t.signedState());
    const expiresAt = Date.parse(request.expiresAt);
    t.afterGrace();
    expect(await r.sweep()).toMatchObject({ deferred: 1 });
    expect(await t.store.getRequest(request.id)).toMatchObject({ deferred: true });
    expect(t.events("request.deferred")[0]).toMatchObject({
      requestId: request.id,
      last: false,
      lastCallAt: new Date(expiresAt - 180_000).toISOString(),
    });
    // Until the last call's window: left for complete().
    t.time.advance(expiresAt - 180_001 - t.time.nowMs());
    expect(await r.sweep()).toMatchObject({ left: 1, deferred: 0 });
    expect(calls).toHaveLength(1);
    t.time.advance(2);
    answer = "approve";
    expect(await r.sweep()).toMatchObject({ decided: 1 });
    expect(calls).toHaveLength(2);
    expect(t.events("request.decided")[0]).toMatchObject({ last: true });
    expect(t.w.decided(request.id)).toEqual([
      { companyId: 1001, decision: "APPROVED", reason: undefined },
    ]);
  });

  it("waits for complete() on a request the callback deferred, then gives the hook its last call; a second defer lets it expire", async () => {
    const t = await reconcilerSetup();
    const vias: string[] = [];
    const hook = (_request: unknown, ctx: ActivationRequestContext) => {
      vias.push(ctx.via);
      return ctx.defer("https://acme.example/contract");
    };
    const handler = t.callbackHandler({
      onActivationRequest: hook,
    });
    const r = t.reconciler({ onActivationRequest: hook });
    const request = t.w.start(t.integrationId, [1001, 1004], await t.signedState());
    const page = await handler.handle(t.w.callback(request.id));
    expect(page.status).toBe(303);
    expect(await t.store.getRequest(request.id)).toMatchObject({ deferred: true });
    t.afterGrace();
    expect(await r.sweep()).toMatchObject({ left: 1 });
    expect(vias).toEqual(["callback"]);
    t.time.advance(Date.parse(request.expiresAt) - 60_000 - t.time.nowMs());
    expect(await r.sweep()).toMatchObject({ deferred: 1 });
    expect(vias).toEqual(["callback", "reconciler"]);
    expect(t.events("request.deferred")[0]).toMatchObject({ last: true });
    t.time.advance(30_000);
    expect(await r.sweep()).toMatchObject({ left: 1, deferred: 0 });
    expect(vias).toHaveLength(2); // asked once near expiry, not on every sweep
    t.time.advance(31_000);
    t.w.sandbox.engine.expireDueRequests();
    expect(await r.sweep()).toMatchObject({ pending: 0 });
    expect(t.w.decided(request.id)).toEqual([]);
  });
});

describe("createReconciler: repair first", () => {
  it("replays an unconfirmed decision with its stored key at the start of the next sweep", async () => {
    const t = await reconcilerSetup();
    const base = t.store;
    const { store, recover } = storeDyingBeforeOutcome(base);
    const r = t.reconciler({ store });
    const request = t.w.start(t.integrationId, [1001, 1004], await t.signedState());
    t.afterGrace();
    expect(await r.sweep()).toMatchObject({ failed: 1 });
    expect(t.events("request.failed")[0]).toMatchObject({
      requestId: request.id,
      code: "pcx_internal",
    });
    expect(t.w.decided(request.id)).toHaveLength(2); // Procountor applied it
    const keys = (await base.listUnappliedDecisions()).map((d) => d.idempotencyKey);
    expect(keys).toHaveLength(2);
    const replaysBefore = t.w.sandbox.stats.idempotentReplays;

    recover();
    const next = await r.sweep();
    expect(next).toMatchObject({ repaired: 2, pending: 0, decided: 0 });
    expect(t.events("repair.finished")[0]).toMatchObject({
      requests: 1,
      environments: 2,
      failed: 0,
    });
    expect(t.w.sandbox.stats.idempotentReplays).toBe(replaysBefore + 1);
    expect(await base.listUnappliedDecisions()).toEqual([]);
    expect(t.w.decided(request.id)).toHaveLength(2);
    expect((await base.getActivation(t.integrationId, 1004))?.sealedApiKey).toMatch(/^sealed:/);
  });
});
