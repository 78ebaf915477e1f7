// The SDK client against the real sandbox over real HTTP with the default
// the default transport), including under chaos.

import {
  DEMO_COMPANY_IDS,
  DEMO_USER,
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from "@pcx/sandbox";
import { acmeWire, closeAfterEach, fakeTime } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import {
  type ClientOptions,
  createActivationLink,
  createClient,
  isPcxError,
  type ProcountorClient,
  signState,
  verifyState,
} from "../src/index.js";

const STATE_SECRET = "client-sandbox-test-state-secret-0123456789";

const DEFINITION = acmeWire();

const track = closeAfterEach();

async function sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const s = await startSandbox({ port: 0, ...options });
  track(s);
  return s;
}

function clientFor(s: RunningSandbox, options: Partial<ClientOptions> = {}): ProcountorClient {
  const client = createClient({
    baseUrl: s.apiBaseUrl,
    credentials: s.credentials,
    rateLimit: { requestsPerSecond: 1000 },
    ...options,
  });
  track(client);
  return client;
}

/** Maija's environments where she may activate (1001, 1002, 1004–1020). */
const SELECTABLE = [1001, 1002, ...Array.from({ length: 17 }, (_, i) => 1004 + i)];

describe("client against the sandbox", () => {
  it("publishes, gets approved, sets limits, links, and decides requests", async () => {
    const s = await sandbox();
    const client = clientFor(s);

    const created = await client.integrations.create(DEFINITION);
    expect(created.latest).toMatchObject({ version: 1, reviewState: "IN_REVIEW" });
    expect(created.activationLink).toBeNull();
    s.engine.reviewIntegration(created.id, "approve");
    const approved = await client.integrations.get(created.id);
    expect(approved.published?.version).toBe(1);

    await client.integrations.setLimits(created.id, 20);
    expect(await client.integrations.getLimits(created.id)).toEqual({
      maxConcurrentActivations: 20,
    });

    // The link carries a signed state; Procountor passes it through to the request.
    const state = await signState(
      { ref: "cust-42" },
      { secret: STATE_SECRET, keyId: "k1", integrationId: created.id },
    );
    const link = createActivationLink({ activationLink: approved.activationLink, state });
    const started = s.engine.startActivation({
      userId: DEMO_USER.id,
      integrationId: created.id,
      companyIds: [DEMO_COMPANY_IDS.first, DEMO_COMPANY_IDS.legacyManual],
      state: new URL(link).searchParams.get("state"),
    });
    const pending = await client.activationRequests
      .list(created.id, { status: "PENDING" })
      .toArray();
    expect(pending.map((r) => r.id)).toEqual([started.request.id]);
    const request = await client.activationRequests.get(started.request.id);
    const verify = { secrets: { k1: STATE_SECRET }, integrationId: request.integrationId };
    const checked = await verifyState(request.state, verify);
    expect(checked).toMatchObject({
      ok: true,
      payload: { ref: "cust-42" },
      integrationId: created.id,
    });
    const tampered = await verifyState(`${request.state}x`, verify);
    expect(tampered.ok).toBe(false);
    const elsewhere = await verifyState(request.state, {
      ...verify,
      integrationId: created.id + 1,
    });
    expect(elsewhere).toMatchObject({ ok: false, reason: "wrong_integration" });

    // Approve one environment, reject the other.
    const approval = await client.activationRequests.approve(request.id, {
      environments: [DEMO_COMPANY_IDS.first],
    });
    expect(approval.credentials).toEqual([
      expect.objectContaining({ companyId: DEMO_COMPANY_IDS.first, apiKey: expect.any(String) }),
    ]);
    const rejection = await client.activationRequests.reject(request.id, {
      reason: "We could not find your Acme account.",
    });
    expect(rejection.request.status).toBe("COMPLETED");

    const active = await client.activations.list(created.id, { status: "ACTIVE" }).toArray();
    expect(active.map((a) => a.companyId)).toContain(DEMO_COMPANY_IDS.first);
    const removed = await client.activations.deactivate(created.id, DEMO_COMPANY_IDS.first);
    expect(removed.status).toBe("REMOVED");

    // Deciding an environment again is its own error, not a silent success.
    await expect(
      client.activationRequests.approve(request.id, {
        environments: [DEMO_COMPANY_IDS.legacyManual],
      }),
    ).rejects.toMatchObject({ code: "pcx_already_decided", details: { status: 409 } });
    await expect(client.integrations.get(99_999)).rejects.toMatchObject({
      code: "pcx_not_found",
    });
  });

  it("tells an expired request, a decided one and an unknown one apart", async () => {
    const clock = fakeTime();
    const s = await sandbox({ now: clock.now, requestTtlMs: 60_000 });
    const client = clientFor(s);
    const created = await client.integrations.create(DEFINITION);
    s.engine.reviewIntegration(created.id, "approve");
    const started = s.engine.startActivation({
      userId: DEMO_USER.id,
      integrationId: created.id,
      companyIds: [DEMO_COMPANY_IDS.first],
    });
    clock.advance(60_001);
    const expired = await client.activationRequests
      .approve(started.request.id)
      .catch((e: unknown) => e);
    expect(expired).toMatchObject({ code: "pcx_request_expired", details: { status: 409 } });
    expect(isPcxError(expired, "pcx_request_expired")).toBe(true);
    await expect(client.activationRequests.get(99_999)).rejects.toMatchObject({
      code: "pcx_request_not_found",
    });
    await expect(
      client.activationRequests.reject(99_999, { reason: "No account." }),
    ).rejects.toMatchObject({ code: "pcx_request_not_found" });
  });

  it("refuses bad credentials with pcx_unauthorized", async () => {
    const s = await sandbox();
    const client = clientFor(s, {
      credentials: { ...s.credentials, clientSecret: "wrong-secret-value" },
    });
    const error = await client.integrations
      .list()
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "pcx_unauthorized" });
    expect(JSON.stringify(error)).not.toContain("wrong-secret-value");
  });

  it("two backend instances deciding the same request apply it once (derived keys)", async () => {
    const s = await sandbox();
    const setup = clientFor(s);
    const { id } = await setup.integrations.create(DEFINITION);
    s.engine.reviewIntegration(id, "approve");
    const started = s.engine.startActivation({
      userId: DEMO_USER.id,
      integrationId: id,
      companyIds: [1004, 1005],
    });
    const a = clientFor(s);
    const b = clientFor(s);
    const before = s.stats.idempotentReplays;
    const [first, second] = await Promise.all([
      a.activationRequests.approve(started.request.id, { environments: [1005, 1004] }),
      b.activationRequests.approve(started.request.id, { environments: [1004, 1005] }),
    ]);
    expect(second).toEqual(first);
    expect(s.stats.idempotentReplays - before).toBe(1);
    const activations = await a.activations.list(id).toArray();
    expect(activations.filter((x) => x.companyId === 1004 || x.companyId === 1005)).toHaveLength(2);
  });

  // Publishing under chaos (create, update, limits, reads) is the CLI's chaos
  // suite (packages/cli/test/chaos.test.ts), through the same client; this one
  // keeps what only the SDK does: decisions, whose keys are derived per request.
  it("under chaos 0.3 every decision succeeds once, with lost answers replayed", async () => {
    const s = await sandbox({ chaos: 0.3, seed: 7, chaosRetryAfterSeconds: 0 });
    let retries = 0;
    const client = clientFor(s, {
      retry: { maxAttempts: 12, baseDelayMs: 5, maxDelayMs: 40, maxElapsedMs: 60_000 },
      timeoutMs: 5_000,
      logger: {
        debug(message) {
          if (message === "pcx retry") retries += 1;
        },
      },
    });

    // Set up outside the chaos (the engine directly): an approved integration, no limit.
    const integrationId = s.engine.createIntegration(s.credentials.clientId, DEFINITION).id;
    s.engine.reviewIntegration(integrationId, "approve");
    const requestIds: number[] = [];
    for (const companyId of SELECTABLE.slice(0, 12)) {
      const started = s.engine.startActivation({
        userId: DEMO_USER.id,
        integrationId,
        companyIds: [companyId],
      });
      requestIds.push(started.request.id);
    }
    const decided = await Promise.all(
      requestIds.map((id, i) =>
        i % 3 === 2
          ? client.activationRequests.reject(id, { reason: "Not an Acme customer." })
          : client.activationRequests.approve(id),
      ),
    );
    expect(decided).toHaveLength(12);
    for (const id of requestIds) {
      const request = await client.activationRequests.get(id);
      expect(request.status).toBe("COMPLETED");
      expect(request.environments).toHaveLength(1);
    }
    const activations = await client.activations.list(integrationId, { size: 5 }).toArray();
    const byCompany = new Map<number, number>();
    for (const a of activations) byCompany.set(a.companyId, (byCompany.get(a.companyId) ?? 0) + 1);
    expect([...byCompany.values()].every((n) => n === 1)).toBe(true);
    expect(
      activations.filter((a) => a.status === "ACTIVE" && SELECTABLE.includes(a.companyId)),
    ).toHaveLength(8);

    // Chaos really happened, answers lost after the change was applied included,
    // and the client retried through it.
    expect(s.stats.faults["drop-after"] ?? 0).toBeGreaterThan(0);
    expect(retries).toBeGreaterThan(0);
  }, 60_000);
});
