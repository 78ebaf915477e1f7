import { createClient, isPcxError } from "@pcx/sdk";
import { describe, expect, it } from "vitest";
import { admin, definition, RAISED_RIGHTS, sandbox } from "./helpers.js";

// The SDK's client and the sandbox share @pcx/sdk/contract; this checks they
// also agree on behaviour: auth, paging, idempotency and retries under chaos.
describe("the SDK client against the sandbox", () => {
  it("runs the integrator's side of the flow under chaos 0.3", async () => {
    const s = await sandbox({ chaos: 0.3, seed: 11, chaosRetryAfterSeconds: 0 });
    const client = createClient({
      baseUrl: s.apiBaseUrl,
      credentials: s.credentials,
      rateLimit: false,
      retry: { maxAttempts: 12, baseDelayMs: 5, maxDelayMs: 20 },
    });
    const created = await client.integrations.create(definition({ maxConcurrentActivations: 5 }));
    expect(created.latest.reviewState).toBe("IN_REVIEW");
    await admin(s, "POST", `/integrations/${created.id}/review`, { decision: "approve" });
    const requestIds: number[] = [];
    for (const companyIds of [[1001, 1004], [1005], [1006, 1007, 1008]]) {
      requestIds.push(
        (await admin(s, "POST", "/activation-requests", { integrationId: created.id, companyIds }))
          .body.request.id,
      );
    }
    const approved = await client.activationRequests.approve(requestIds[0] as number);
    expect(approved.credentials.map((c) => c.companyId)).toEqual([1001, 1004]);
    await client.activationRequests.reject(requestIds[1] as number, {
      reason: "No Acme account found.",
    });
    await client.activationRequests.approve(requestIds[2] as number, { environments: [1006] });
    // Two backend instances answering the same callback: one decision.
    const [a, b] = await Promise.all([
      client.activationRequests.approve(requestIds[2] as number, { environments: [1007, 1008] }),
      client.activationRequests.approve(requestIds[2] as number, { environments: [1008, 1007] }),
    ]);
    expect(b.credentials).toEqual(a.credentials);
    const seen: number[] = [];
    for await (const request of client.activationRequests.list(created.id, { size: 1 }))
      seen.push(request.id);
    expect(seen).toEqual([...requestIds].reverse());
    const active = await client.activations.listPage(created.id, { status: "ACTIVE" });
    expect(active.results.map((x) => x.companyId)).toEqual([1001, 1003, 1004, 1006, 1007, 1008]);

    await client.integrations.update(created.id, definition({}, RAISED_RIGHTS));
    await admin(s, "POST", `/integrations/${created.id}/review`, { decision: "approve" });
    const required = await client.activations.listPage(created.id, { status: "UPDATE_REQUIRED" });
    expect(required.meta.totalCount).toBe(6);

    const state = (await admin(s, "GET", "/state")).body;
    expect(state.integrations).toHaveLength(1);
    expect(state.integrations[0].versions).toHaveLength(2);
    const decided = state.audit.filter((e: { kind: string }) => e.kind === "environment.decided");
    expect(decided).toHaveLength(6);
    expect(state.stats.faults["drop-after"] ?? 0).toBeGreaterThan(0);
  });

  it("surfaces the sandbox's errors as PcxErrors", async () => {
    const s = await sandbox();
    const client = createClient({
      baseUrl: s.apiBaseUrl,
      credentials: s.credentials,
      rateLimit: false,
    });
    const missing = await client.integrations.get(999).catch((error: unknown) => error);
    expect(isPcxError(missing)).toBe(true);
    expect(missing).toMatchObject({ code: "pcx_not_found" });
    const badSecret = createClient({
      baseUrl: s.apiBaseUrl,
      credentials: { ...s.credentials, clientSecret: "wrong" },
      rateLimit: false,
    });
    await expect(badSecret.integrations.listPage()).rejects.toMatchObject({
      code: "pcx_unauthorized",
    });
  });
});
