// The whole flow through every adapter against the real sandbox: the
// customer's pages → hand-off → callback → decision → the customer's status
// page; and the callback's refusals, each with its page and stable code.
import {
  closeAfterEach,
  customerAgent,
  type DecisionSandbox,
  decisionSandbox,
  signTestState,
  testSealer,
} from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import {
  type ActivationStore,
  type CallbackHandler,
  type CallbackHandlerOptions,
  createMemoryStore,
  type DecisionResult,
  type PcxError,
} from "../src/index.js";
import {
  ADAPTERS,
  type AdapterName,
  type CallbackServer,
  serveCallback,
} from "./callback-servers.js";
import { recordingHandler } from "./recording-handler.js";

const REASON = "Acme has no customer account with this business id";

const track = closeAfterEach();

interface Instance {
  server: CallbackServer;
  handler: CallbackHandler;
  decided: DecisionResult[];
  errors: PcxError[];
}

/**
 * A sandbox, and `count` backend instances (handlers sharing one store)
 * behind the adapter, with the integration published for the first one's URL.
 */
async function world(
  adapter: AdapterName,
  options: { count?: number; now?: () => Date; requestTtlMs?: number } = {},
  overrides: (index: number) => Partial<CallbackHandlerOptions> = () => ({}),
) {
  const w: DecisionSandbox = await decisionSandbox({
    ...(options.now ? { now: options.now } : {}),
    ...(options.requestTtlMs ? { requestTtlMs: options.requestTtlMs } : {}),
  });
  track(w);
  const store: ActivationStore = createMemoryStore();
  const sealer = testSealer();
  const slots: Array<CallbackHandler | undefined> = [];
  const servers: CallbackServer[] = [];
  for (let i = 0; i < (options.count ?? 1); i++) {
    // The handler exists once the integration does; the server forwards to it
    // (every property, so the Node adapters find the core's fast path).
    const late = new Proxy({} as CallbackHandler, {
      get: (_target, key) => Reflect.get(slots[i] as CallbackHandler, key),
    });
    const server = await serveCallback(adapter, late);
    track(server);
    servers.push(server);
  }
  const integrationId = w.publish({ callbackUrl: (servers[0] as CallbackServer).callbackUrl });
  const instances: Instance[] = servers.map((server, i) => {
    const { handler, decided, errors } = recordingHandler(
      { w, integrationId, store, sealer },
      {
        decidedBy: `instance-${i}`,
        ...(options.now ? { now: options.now } : {}),
        onActivationRequest: (request) =>
          request.environments.map((env) =>
            env.companyId === 1002
              ? { companyId: env.companyId, action: "reject" as const, reason: REASON }
              : { companyId: env.companyId, action: "approve" as const },
          ),
        ...overrides(i),
      },
    );
    slots[i] = handler;
    return { server, handler, decided, errors };
  });
  const first = instances[0] as Instance;
  /**
   * The callback URL Procountor sends the customer to for a request, on this
   * test's server (a request of another integration names that one's URL).
   */
  const callbackFor = (requestId: number, instance: Instance = first) => {
    const sent = new URL(w.sandbox.engine.callbackUrlFor(requestId));
    const url = new URL(instance.server.callbackUrl);
    url.search = sent.search;
    return url.toString();
  };
  return { w, store, sealer, integrationId, instances, first, callbackFor };
}

describe.each(ADAPTERS)("the callback through the %s adapter", (adapter) => {
  it("takes the customer from the pages through the hand-off to approved and rejected-with-reason", async () => {
    const { w, store, sealer, integrationId, first } = await world(adapter);
    const state = await signTestState(integrationId);
    const customer = customerAgent(w.sandbox.url);
    await customer.signIn();
    const requestId = await customer.activate(integrationId, [1001, 1002], state);
    expect(await customer.statusText(requestId)).toContain("Waiting for the integrator");

    const href = await customer.callbackHref(requestId);
    expect(new URL(href).searchParams.get("state")).toBe(state);
    const page = await first.server.visit(href);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.text).toContain("Your activation request was processed");
    expect(page.text).toMatch(/<strong class="ok">Approved<\/strong>/);
    expect(page.text).toContain(`Rejected</strong> — ${REASON}`);

    // Procountor's side: one decision per environment, and the customer's status page says so.
    expect(w.decided(requestId)).toEqual([
      { companyId: 1001, decision: "APPROVED", reason: undefined },
      { companyId: 1002, decision: "REJECTED", reason: REASON },
    ]);
    const status = await customer.statusText(requestId);
    expect(status).toContain("Approved");
    expect(status).toContain(`Reason: ${REASON}`);

    // The integrator's side: onDecided once, with the one key, sealed in the store.
    expect(first.errors).toEqual([]);
    expect(first.decided).toHaveLength(1);
    const [result] = first.decided;
    expect(result?.environments.map((e) => e.outcome)).toEqual(["approved", "rejected"]);
    expect(result?.credentials.map((c) => c.companyId)).toEqual([1001]);
    const activation = await store.getActivation(integrationId, 1001);
    expect(await sealer.open(activation?.sealedApiKey ?? "")).toBe(result?.credentials[0]?.apiKey);
    expect(await store.getRequest(requestId)).toMatchObject({
      ref: "acme-customer-42",
      deferred: false,
    });

    // Opening the tab again shows the outcome as already processed, deciding nothing more.
    const again = await first.server.visit(href);
    expect(again.status).toBe(409);
    expect(again.text).toContain("This activation request was already processed");
    expect(again.text).toContain("Error code: pcx_already_decided");
    expect(again.text).toContain(REASON);
    expect(w.decided(requestId)).toHaveLength(2);
  });

  it("decides each environment once when two instances get the same callback at once", async () => {
    const { w, integrationId, instances, callbackFor } = await world(adapter, { count: 2 }, (i) =>
      i === 1
        ? { onActivationRequest: (_request, ctx) => ctx.rejectAll("Rejected by instance 1") }
        : { onActivationRequest: (_request, ctx) => ctx.approveAll() },
    );
    const request = w.start(integrationId, [1001, 1002, 1004], await signTestState(integrationId));
    const [a, b] = instances as [Instance, Instance];
    const pages = await Promise.all([
      a.server.visit(callbackFor(request.id, a)),
      b.server.visit(callbackFor(request.id, b)),
      a.server.visit(callbackFor(request.id, a)), // a double click on instance a
    ]);
    for (const page of pages) expect([200, 409]).toContain(page.status);
    const decided = w.decided(request.id);
    expect(decided.map((d) => d.companyId).sort()).toEqual([1001, 1002, 1004]);
    // One instance's decision, all of it: never a mix.
    expect(new Set(decided.map((d) => d.decision)).size).toBe(1);
    const applied = [...a.decided, ...b.decided];
    expect(applied).toHaveLength(1);
    expect(applied[0]?.credentials.length).toBe(decided[0]?.decision === "APPROVED" ? 3 : 0);
  });

  it("answers an expired request with its page and decides nothing", async () => {
    let now = new Date("2025-06-01T10:00:00Z");
    const clock = () => now;
    const { w, integrationId, first, callbackFor } = await world(adapter, {
      now: clock,
      requestTtlMs: 60_000,
    });
    const request = w.start(
      integrationId,
      [1001],
      await signTestState(integrationId, "c-1", { now: clock }),
    );
    now = new Date(now.getTime() + 61_000);
    const page = await first.server.visit(callbackFor(request.id));
    expect(page.status).toBe(410);
    expect(page.text).toContain("This activation request has expired");
    expect(page.text).toContain("Error code: pcx_request_expired");
    expect(first.errors.map((e) => e.code)).toEqual(["pcx_request_expired"]);
    expect(w.decided(request.id)).toEqual([]);
  });

  it("refuses a state already used by another request", async () => {
    const { w, integrationId, first, callbackFor } = await world(adapter);
    const state = await signTestState(integrationId);
    const used = w.start(integrationId, [1001], state);
    expect((await first.server.visit(callbackFor(used.id))).status).toBe(200);
    const replay = w.start(integrationId, [1004], state);
    const page = await first.server.visit(callbackFor(replay.id));
    expect(page.status).toBe(409);
    expect(page.text).toContain("This activation link was already used");
    expect(page.text).toContain("Error code: pcx_state_replayed");
    expect(w.decided(replay.id)).toEqual([]);
  });

  it("refuses a state made for another integration, and a request of another integration", async () => {
    const { w, integrationId, first, callbackFor } = await world(adapter);
    const other = w.publish({ name: "Acme Payroll Sync" });
    const foreignState = w.start(integrationId, [1001], await signTestState(other));
    const page = await first.server.visit(callbackFor(foreignState.id));
    expect(page.status).toBe(403);
    expect(page.text).toContain("This link belongs to another integration");
    expect(page.text).toContain("Error code: pcx_wrong_integration");
    const foreignRequest = w.start(other, [1004], await signTestState(integrationId));
    const second = await first.server.visit(callbackFor(foreignRequest.id));
    expect(second.status).toBe(403);
    expect(second.text).toContain("Error code: pcx_wrong_integration");
    expect([...w.decided(foreignState.id), ...w.decided(foreignRequest.id)]).toEqual([]);
  });

  it("defers to the integrator's own page, then completes before expiry", async () => {
    const { w, store, integrationId, first, callbackFor } = await world(adapter, {}, () => ({
      onActivationRequest: (request, ctx) =>
        ctx.defer(`/acme/contract-number?request=${request.id}`),
    }));
    const request = w.start(integrationId, [1001, 1002], await signTestState(integrationId));
    const page = await first.server.visit(callbackFor(request.id));
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/acme/contract-number?request=${request.id}`);
    expect(await store.getRequest(request.id)).toMatchObject({ deferred: true });
    expect(w.decided(request.id)).toEqual([]);
    expect(first.decided).toEqual([]);

    const result = await first.handler.complete(request.id, [
      { companyId: 1001, action: "approve" },
      { companyId: 1002, action: "reject", reason: "Contract number not found" },
    ]);
    expect(result.environments.map((e) => e.outcome)).toEqual(["approved", "rejected"]);
    expect(w.decided(request.id)).toHaveLength(2);
    expect(first.decided).toHaveLength(1);
    expect(await store.getRequest(request.id)).toMatchObject({ deferred: false });
    await expect(
      first.handler.complete(request.id, [{ companyId: 1001, action: "approve" }]),
    ).resolves.toMatchObject({
      environments: [
        { outcome: "already_decided", decidedBy: "instance-0" },
        { outcome: "already_decided" },
      ],
    });
  });

  it("refuses what is not a callback: forged state, unknown request, other methods; HEAD decides nothing", async () => {
    const { w, integrationId, first, callbackFor } = await world(adapter);
    const request = w.start(integrationId, [1001], await signTestState(integrationId));
    const url = new URL(callbackFor(request.id));
    const tampered = new URL(url);
    tampered.searchParams.set("state", `${url.searchParams.get("state")}x`);
    const forged = await first.server.visit(tampered.toString());
    expect(forged.status).toBe(400);
    expect(forged.text).toContain("Error code: pcx_invalid_state");
    expect(forged.text).not.toMatch(/at .*\.ts:\d+/);

    const unknown = new URL(url);
    unknown.searchParams.set("activationRequestId", "987654");
    const missing = await first.server.visit(unknown.toString());
    expect(missing.status).toBe(404);
    expect(missing.text).toContain("Error code: pcx_request_not_found");

    const stateless = new URL(url);
    stateless.searchParams.delete("state");
    const noState = await first.server.visit(stateless.toString());
    expect(noState.status).toBe(400);
    expect(noState.text).toContain("Error code: pcx_invalid_state");

    const post = await first.server.visit(url.toString(), { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect(post.text).toContain("Error code: pcx_invalid_callback");

    const head = await first.server.visit(url.toString(), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(w.decided(request.id)).toEqual([]);
    expect(first.errors.map((e) => e.code)).toEqual([
      "pcx_invalid_state",
      "pcx_request_not_found",
      "pcx_invalid_state",
      "pcx_invalid_callback",
    ]);
    // After all that, the real callback still works.
    expect((await first.server.visit(url.toString())).status).toBe(200);
    expect(w.decided(request.id)).toHaveLength(1);
  });
});
