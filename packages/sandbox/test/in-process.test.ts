import { fakeTime } from "@pcx/testkit";
import { inProcessSandbox, startTestSandbox } from "@pcx/testkit/sandbox";
import { describe, expect, it } from "vitest";
import { definition } from "./helpers.js";

describe("the sandbox in process (sandbox.fetch)", () => {
  it("runs the SDK client's integrator flow through sandbox.fetch under chaos 0.3", async () => {
    const kit = inProcessSandbox({ chaos: 0.3, seed: 4, chaosRetryAfterSeconds: 0 });
    const client = kit.client({
      retry: { maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 2 },
      sleep: async () => {},
    });
    const created = await client.integrations.create(definition({ maxConcurrentActivations: 5 }));
    const review = await kit.fetch(`/sandbox/integrations/${created.id}/review`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ decision: "approve" }),
    });
    expect(review.status).toBe(200);
    const { request } = kit.sandbox.engine.startActivation({
      userId: 1,
      integrationId: created.id,
      companyIds: [1004, 1005],
      state: null,
    });
    const approved = await client.activationRequests.approve(request.id);
    expect(approved.credentials.map((c) => c.companyId)).toEqual([1004, 1005]);
    const active = await client.activations.listPage(created.id, { status: "ACTIVE" });
    expect(active.results.map((a) => a.companyId)).toEqual([1003, 1004, 1005]);
    // Chaos did its work in process too: dropped answers became network errors the client retried.
    expect(kit.sandbox.stats.faults["drop-after"] ?? 0).toBeGreaterThan(0);
    expect(
      kit.sandbox.engine.dumpState().audit.filter((e) => e.kind === "environment.decided"),
    ).toHaveLength(2);
  });

  it("answers as the server does over HTTP", async () => {
    const time = fakeTime();
    const s = await startTestSandbox({ now: time.now });
    const requests: [string, RequestInit?][] = [
      ["/sandbox/health"],
      ["/api/integrations"],
      ["/api/integrations", { headers: { authorization: "Basic x" } }],
      ["/api/integrations/1", { method: "DELETE" }],
      ["/sandbox/state", { method: "POST", headers: { "content-type": "application/json" } }],
      ["/nowhere"],
      ["/nowhere", { headers: { accept: "text/html" } }],
      ["/", { redirect: "manual" }],
      ["/signin?lang=fi"],
    ];
    for (const [path, init] of requests) {
      const overHttp = await fetch(`${s.url}${path}`, { redirect: "manual", ...init });
      const inProcess = await s.fetch(`${s.url}${path}`, init);
      expect(inProcess.status, path).toBe(overHttp.status);
      for (const header of ["content-type", "allow", "location", "www-authenticate"])
        expect(inProcess.headers.get(header), `${path} ${header}`).toBe(
          overHttp.headers.get(header),
        );
      const [a, b] = [await overHttp.text(), await inProcess.text()];
      // Pages carry a fresh CSP nonce per answer; everything else is the same byte for byte.
      const strip = (text: string) => text.replace(/nonce="[^"]+"/g, "nonce");
      expect(strip(b), path).toBe(strip(a));
    }
  });

  it("resolves paths, answers HEAD without a body, rejects a dropped connection and an abort like fetch", async () => {
    const kit = inProcessSandbox({ chaos: 1, seed: 3 });
    expect((await kit.fetch("/sandbox/health")).status).toBe(200);
    const head = await kit.fetch("/signin", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    // With chaos 1 every /api request gets a fault: some are drops, which fetch reports as TypeError.
    const outcomes = new Set<string>();
    for (let i = 0; i < 24; i++) {
      await kit
        .fetch("/api/integrations")
        .then((res) => outcomes.add(String(res.status)))
        .catch((error: unknown) => outcomes.add(error instanceof TypeError ? "drop" : "other"));
    }
    expect(outcomes).toContain("drop");
    expect(outcomes).not.toContain("other");
    const aborted = kit.fetch("/sandbox/health", { signal: AbortSignal.abort() });
    await expect(aborted).rejects.toMatchObject({ name: "AbortError" });
  });
});
