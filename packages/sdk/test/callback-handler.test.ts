// The callback core on Web Request/Response, against the real sandbox: the
// crash between the API call and the store's write, hooks that fail, the
// integrator's own answers, the logs, and the options it refuses.
import {
  acmeRights,
  acmeWire,
  closeAfterEach,
  decisionSandbox,
  signTestState,
  storeDyingBeforeOutcome,
  TEST_STATE_SECRET,
  testSealer,
} from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import {
  type CallbackHandlerOptions,
  createCallbackHandler,
  createMemoryStore,
  type PcxError,
  repairDecisions,
} from "../src/index.js";
import { recordingHandler } from "./recording-handler.js";

const track = closeAfterEach();

async function setup(
  overrides: Partial<CallbackHandlerOptions> = {},
  sandboxOptions: Parameters<typeof decisionSandbox>[0] = {},
) {
  const w = await decisionSandbox(sandboxOptions);
  track(w);
  const integrationId = w.publish();
  const logs: Array<[string, string, Record<string, unknown> | undefined]> = [];
  const store = createMemoryStore();
  const sealer = testSealer();
  const { handler, options, decided, errors } = recordingHandler(
    { w, integrationId, store, sealer },
    {
      logger: {
        info: (m, f) => logs.push(["info", m, f]),
        warn: (m, f) => logs.push(["warn", m, f]),
        error: (m, f) => logs.push(["error", m, f]),
      },
      ...overrides,
    },
  );
  const callback = (requestId: number) => w.callback(requestId);
  return { w, integrationId, handler, store, sealer, logs, errors, decided, callback, options };
}

describe("createCallbackHandler", () => {
  it("leaves a crash between the approval and the store's write to repairDecisions, deciding once", async () => {
    const base = createMemoryStore();
    const { store, recover } = storeDyingBeforeOutcome(base);
    const t = await setup({ store });
    const request = t.w.start(t.integrationId, [1001, 1004], await signTestState(t.integrationId));
    const page = await t.handler.handle(t.callback(request.id));
    expect(page.status).toBe(500);
    const text = await page.text();
    expect(text).toContain("Acme Invoice Sync could not finish your activation");
    expect(text).toContain("Error code: pcx_internal");
    expect(text).not.toContain("instance died"); // the detail is for the log
    expect(t.logs.find(([level]) => level === "error")?.[2]?.message).toMatch(/instance died/);
    expect(t.w.decided(request.id)).toHaveLength(2); // Procountor applied it
    expect((await base.listUnappliedDecisions()).map((d) => d.companyId)).toEqual([1001, 1004]);

    recover();
    const repaired = await repairDecisions({ client: t.w.client, store, sealer: t.sealer });
    expect(repaired.repaired[0]?.environments.map((e) => e.outcome)).toEqual([
      "approved",
      "approved",
    ]);
    expect(t.w.decided(request.id)).toHaveLength(2);
    expect(await base.listUnappliedDecisions()).toEqual([]);
    expect((await base.getActivation(t.integrationId, 1004))?.sealedApiKey).toMatch(/^sealed:/);
  });

  it("answers a hook that throws with our-fault page, and the customer can retry", async () => {
    let fail = true;
    const t = await setup({
      onActivationRequest: (_request, ctx) => {
        if (fail) throw new Error("CRM is down at /srv/acme/crm.ts:42");
        return ctx.approveAll();
      },
    });
    const request = t.w.start(t.integrationId, [1001], await signTestState(t.integrationId));
    const page = await t.handler.handle(t.callback(request.id));
    expect(page.status).toBe(500);
    const text = await page.text();
    expect(text).not.toContain("CRM is down");
    expect(text).not.toContain("crm.ts");
    expect(text).toMatch(/Reference: [0-9a-f]{10}/);
    const reference = /Reference: ([0-9a-f]{10})/.exec(text)?.[1];
    expect(t.logs).toContainEqual([
      "error",
      "pcx callback failed",
      expect.objectContaining({ code: "pcx_internal", reference, requestId: request.id }),
    ]);
    expect(t.errors.map((e) => e.code)).toEqual(["pcx_internal"]);
    fail = false;
    // Same request, same state: its nonce is this request's, so the reload goes through.
    expect((await t.handler.handle(t.callback(request.id))).status).toBe(200);
    expect(t.w.decided(request.id)).toHaveLength(1);
  });

  it("refuses a decision that does not fit the request, deciding nothing", async () => {
    const t = await setup({
      onActivationRequest: () => [{ companyId: 9999, action: "approve" as const }],
    });
    const request = t.w.start(t.integrationId, [1001], await signTestState(t.integrationId));
    const page = await t.handler.handle(t.callback(request.id));
    expect(page.status).toBe(500);
    expect(t.errors[0]?.code).toBe("pcx_usage");
    expect(t.errors[0]?.message).toMatch(/9999 is not an environment/);
    expect(t.w.decided(request.id)).toEqual([]);
  });

  it("uses the integrator's own answers for decided and failed, and falls back when they throw", async () => {
    const t = await setup({
      respond: {
        decided: (result) => `https://acme.example/welcome?request=${result.requestId}`,
        failed: (failure) =>
          failure.code === "pcx_invalid_state"
            ? new Response(`custom ${failure.code}`, { status: failure.status })
            : (() => {
                throw new Error("template missing");
              })(),
      },
    });
    const request = t.w.start(t.integrationId, [1001], await signTestState(t.integrationId));
    const bad = new URL(t.callback(request.id).url);
    bad.searchParams.set("state", "v1.k1.forged.forged");
    const custom = await t.handler.handle(new Request(bad));
    expect(custom.status).toBe(400);
    expect(await custom.text()).toBe("custom pcx_invalid_state");
    const post = await t.handler.handle(new Request(bad, { method: "DELETE" }));
    expect(post.status).toBe(405);
    expect(await post.text()).toContain("This page opens from Procountor");
    const done = await t.handler.handle(t.callback(request.id));
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`https://acme.example/welcome?request=${request.id}`);
    expect(done.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("accepts a state that expired after the customer used it, but not one used after it expired", async () => {
    let now = new Date("2025-06-01T10:00:00Z");
    const clock = () => now;
    const t = await setup({ now: clock }, { now: clock, requestTtlMs: 3_600_000 });
    const state = await signTestState(t.integrationId, "c-1", { now: clock, expiresIn: "10m" });
    const inTime = t.w.start(t.integrationId, [1001], state);
    now = new Date(now.getTime() + 30 * 60_000); // the customer finished 30 minutes later
    expect((await t.handler.handle(t.callback(inTime.id))).status).toBe(200);
    const late = t.w.start(
      t.integrationId,
      [1004],
      await signTestState(t.integrationId, "c-2", {
        now: () => new Date(now.getTime() - 20 * 60_000),
        expiresIn: "10m",
      }),
    );
    const page = await t.handler.handle(t.callback(late.id));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("This activation link has expired");
  });

  it("accepts an update request without a state, and an activation without one only when told to", async () => {
    const t = await setup();
    const first = t.w.start(t.integrationId, [1001], await signTestState(t.integrationId));
    expect((await t.handler.handle(t.callback(first.id))).status).toBe(200);
    // A new version with more rights: the customer accepts the update; its request has no state.
    const { clientId } = t.w.sandbox.credentials;
    t.w.sandbox.engine.updateIntegration(clientId, t.integrationId, { ...acmeWire(acmeRights()) });
    t.w.sandbox.engine.reviewIntegration(t.integrationId, "approve");
    const update = t.w.sandbox.engine.startUpdate({
      userId: 1,
      integrationId: t.integrationId,
      companyIds: [1001],
    }).request;
    expect(update).toMatchObject({ kind: "UPDATE", state: null });
    expect((await t.handler.handle(t.callback(update.id))).status).toBe(200);
    expect(t.w.decided(update.id)).toEqual([
      { companyId: 1001, decision: "APPROVED", reason: undefined },
    ]);

    const plain = t.w.start(t.integrationId, [1004]);
    const refused = await t.handler.handle(t.callback(plain.id));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Error code: pcx_invalid_state");
    const lenient = createCallbackHandler({ ...t.options, requireState: false });
    expect((await lenient.handle(t.callback(plain.id))).status).toBe(200);
    expect(t.w.decided(plain.id)).toHaveLength(1);
  });

  it("keeps secrets and the state out of logs, errors and pages; onDecided failing does not undo the decision", async () => {
    const t = await setup({
      onDecided: () => {
        throw new Error("provisioning failed");
      },
    });
    const state = await signTestState(t.integrationId);
    const request = t.w.start(t.integrationId, [1001], state);
    const page = await t.handler.handle(t.callback(request.id));
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("You&#39;re all set");
    expect(t.errors.map((e) => e.message)).toEqual(["onDecided threw: provisioning failed"]);
    const everything = JSON.stringify(t.logs) + text + JSON.stringify(t.errors);
    expect(everything).not.toContain(state);
    const activation = await t.store.getActivation(t.integrationId, 1001);
    const apiKey = await t.sealer.open(activation?.sealedApiKey ?? "");
    expect(apiKey.length).toBeGreaterThan(10);
    expect(everything).not.toContain(apiKey);
  });

  it("refuses weak or missing options when created, naming the option", () => {
    const base = {
      client: { activationRequests: { get: async () => ({}) } } as never,
      integrationId: 1,
      stateSecrets: { k1: TEST_STATE_SECRET },
      sealer: false as const,
      onActivationRequest: () => [],
    };
    const code = (options: Partial<CallbackHandlerOptions>) => {
      try {
        createCallbackHandler({ ...base, ...options } as CallbackHandlerOptions);
        return "created";
      } catch (error) {
        return `${(error as PcxError).code}: ${(error as Error).message}`;
      }
    };
    expect(code({})).toBe("created");
    expect(code({ stateSecrets: { k1: "short" } })).toMatch(
      /pcx_config: .*`stateSecrets`.*32 bytes/,
    );
    expect(code({ stateSecrets: {} })).toMatch(/pcx_config/);
    expect(code({ integrationId: 0 })).toMatch(/pcx_config: .*`integrationId`/);
    expect(code({ sealer: undefined as never })).toMatch(/pcx_config: .*`sealer` is required/);
    expect(code({ client: undefined as never })).toMatch(/pcx_config: .*`client`/);
    expect(code({ onActivationRequest: undefined as never })).toMatch(/`onActivationRequest`/);
  });
});
