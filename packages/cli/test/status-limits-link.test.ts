import { verifyState } from "@pcx/sdk";
import type { CliWorld } from "@pcx/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDefinedWorld } from "./pcx-harness.js";

let world: CliWorld;
let id: number;
beforeAll(async () => {
  ({ world, integrationId: id } = await createDefinedWorld({ approve: false }));
});
afterAll(() => world?.close());

/** The customer's environment picker (step 2 of the activation link), as the demo user sees it. */
async function customerPicker(): Promise<string> {
  const base = world.sandbox.url;
  const signIn = await fetch(`${base}/signin`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    body: "user=demo",
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const page = await fetch(`${base}/activate/${id}/terms`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", cookie },
    body: "terms=accepted",
  });
  return page.text();
}

describe("pcx status", () => {
  it("in review: the latest version's state, no published version, no link; pcx link exits 1", async () => {
    const run = await world.run(["status"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Integration ${id} "Acme Invoice Sync"`);
    expect(run.stdout).toMatch(/Latest version:\s+1, in review/);
    expect(run.stdout).toMatch(/Published version:\s+none yet/);
    const link = await world.run(["link", "--json"]);
    expect(link.code).toBe(1);
    expect(link.json()).toMatchObject({ error: { code: "pcx_check_failed" } });
  });

  it("approved: reviewer comment, published version, link, limit, activations by version", async () => {
    await world.review(id, "approve", "Looks good.");
    world.activate(id, [1001, 1004]);
    const run = await world.run(["status"]);
    expect(run.stdout).toMatch(/Latest version:\s+1, approved/);
    expect(run.stdout).toContain("Looks good.");
    expect(run.stdout).toContain(`${world.sandbox.url}/activate/${id}`);
    expect(run.stdout).toMatch(/1\s+ACTIVE\s+3/);
    const json = await world.run(["status", "--json"]);
    expect(json.json()).toEqual({
      integrationId: id,
      name: "Acme Invoice Sync",
      latest: {
        version: 1,
        reviewState: "APPROVED",
        reviewComment: "Looks good.",
        submittedAt: expect.any(String),
        reviewedAt: expect.any(String),
      },
      published: { version: 1, reviewedAt: expect.any(String) },
      activationLink: `${world.sandbox.url}/activate/${id}`,
      maxConcurrentActivations: 20,
      definitionLimit: 20,
      activations: { total: 3, byVersion: [{ version: 1, status: "ACTIVE", count: 3 }] },
      pendingRequests: 0,
    });
  });
});

describe("pcx limits", () => {
  it("show, then set 7: before → after, and the customer's picker shows and enforces 7", async () => {
    const show = await world.run(["limits", "show", "--json"]);
    expect(show.json()).toEqual({
      integrationId: id,
      maxConcurrentActivations: 20,
      definitionLimit: 20,
    });
    const set = await world.run(["limits", "set", "7"]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain("limit 20 → 7");
    expect(world.sandbox.engine.getIntegrationForCustomer(id).maxConcurrentActivations).toBe(7);
    expect(await customerPicker()).toContain("You can activate at most 7 environments at once.");
    expect(() =>
      world.sandbox.engine.startActivation({
        userId: 1,
        integrationId: id,
        companyIds: [1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012],
      }),
    ).toThrow(/at most 7/);
    const again = await world.run(["limits", "set", "7"]);
    expect(again.stdout).toContain("already 7");
  });

  it("set none clears it; set 20 restores it", async () => {
    const none = await world.run(["limits", "set", "none", "--json"]);
    expect(none.json()).toEqual({
      integrationId: id,
      maxConcurrentActivations: null,
      definitionLimit: 20,
      previous: 7,
      changed: true,
    });
    expect(world.sandbox.engine.getIntegrationForCustomer(id).maxConcurrentActivations).toBeNull();
    expect((await world.run(["limits", "set", "20"])).stdout).toContain("none → 20");
  });

  it("a bad N is a usage error (2) before any call (the API here is unreachable)", async () => {
    for (const bad of ["0", "-3", "2.5", "abc", "10001"]) {
      const run = await world.run(["limits", "set", bad], {
        env: { PCX_BASE_URL: "http://127.0.0.1:9/api" },
      });
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toContain("whole number from 1 to 10000");
    }
  });
});

describe("pcx link", () => {
  it("--state cust-42 --json: verifyState() accepts it with the profile's secret; a tampered one is refused", async () => {
    const run = await world.run(["link", "--state", "cust-42", "--json"]);
    expect(run.code).toBe(0);
    const doc = run.json() as { link: string; state: string; expiresAt: string };
    expect(Object.keys(doc).sort()).toEqual(["expiresAt", "link", "state"]);
    const url = new URL(doc.link);
    expect(`${url.origin}${url.pathname}`).toBe(`${world.sandbox.url}/activate/${id}`);
    expect(url.searchParams.get("state")).toBe(doc.state);
    // Generated on first use, saved in the profile, never printed by pcx link.
    const saved = world.config().profiles?.sandbox as { stateSecret: string; stateKeyId: string };
    expect(saved.stateKeyId).toBe("k1");
    expect(run.stdout + run.stderr).not.toContain(saved.stateSecret);
    expect(run.stderr).toContain("pcx profiles --show-state-secret --profile sandbox");

    const ok = await verifyState(doc.state, {
      secrets: { k1: saved.stateSecret },
      integrationId: id,
    });
    expect(ok).toMatchObject({
      ok: true,
      payload: { ref: "cust-42" },
      keyId: "k1",
      integrationId: id,
    });
    // Bound to this integration: the callback of another one refuses it.
    expect(
      await verifyState(doc.state, { secrets: { k1: saved.stateSecret }, integrationId: id + 1 }),
    ).toMatchObject({ ok: false, reason: "wrong_integration" });
    const days = ((ok.ok ? ok.expiresAt.getTime() : 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(new Date(doc.expiresAt).getTime()).toBe(ok.ok ? ok.expiresAt.getTime() : 0);

    const [v, kid, payload, signature] = doc.state.split(".") as [string, string, string, string];
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, "base64url").toString()),
        ref: "cust-43",
      }),
    ).toString("base64url");
    expect(
      await verifyState(`${v}.${kid}.${forged}.${signature}`, {
        secrets: { k1: saved.stateSecret },
        integrationId: id,
      }),
    ).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(
      await verifyState(doc.state, {
        secrets: { k1: "another-secret-of-at-least-32-bytes!!" },
        integrationId: id,
      }),
    ).toMatchObject({ ok: false, reason: "bad_signature" });

    // The same secret is used the next time; --show-state-secret prints it on request only.
    const shown = await world.run(["profiles", "--show-state-secret", "--json"]);
    expect(shown.json()).toMatchObject({
      stateSecret: {
        profile: "sandbox",
        keyId: "k1",
        secret: saved.stateSecret,
        source: "profile",
      },
    });
  });

  it("PCX_STATE_SECRET and PCX_STATE_KEY_ID win over the profile; --expires sets the lifetime", async () => {
    const secret = "ci-state-secret-0123456789-abcdefghij";
    const run = await world.run(["link", "--state", "order-7", "--expires", "30m", "--json"], {
      env: { PCX_STATE_SECRET: secret, PCX_STATE_KEY_ID: "2026-11" },
    });
    const doc = run.json() as { state: string };
    const result = await verifyState(doc.state, {
      secrets: { "2026-11": secret },
      integrationId: id,
    });
    expect(result).toMatchObject({ ok: true, keyId: "2026-11", payload: { ref: "order-7" } });
    const minutes = ((result.ok ? result.expiresAt.getTime() : 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
  });

  it("bad --expires, or --expires without --state, is a usage error (2)", async () => {
    expect((await world.run(["link", "--state", "x", "--expires", "soon"])).code).toBe(2);
    expect((await world.run(["link", "--expires", "1d"])).code).toBe(2);
    const long = await world.run(["link", "--state", "x", "--expires", "91d"]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain("at most 90 days");
  });

  it("--qr draws the link as a terminal QR code after the link", async () => {
    const run = await world.run(["link", "--qr"]);
    expect(run.code).toBe(0);
    const [first, ...rest] = run.stdout.split("\n");
    expect(first).toBe(`${world.sandbox.url}/activate/${id}`);
    const qr = rest.filter((line) => /[▀▄█]/.test(line));
    expect(qr.length).toBeGreaterThan(10);
  });
});

describe("errors", () => {
  it("an unknown integration is an API error: exit 3, with where the id came from", async () => {
    const run = await world.run(["status", "--integration", "999"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("404");
    expect(run.stderr).toContain("--integration");
    const json = await world.run(["limits", "show", "--json"], {
      env: { PCX_INTEGRATION_ID: "999" },
    });
    expect(json.code).toBe(3);
    expect(json.json()).toMatchObject({ error: { code: "pcx_not_found" } });
  });

  it("no integration known for the profile: exit 4 saying to run pcx define or pass --integration", async () => {
    const run = await world.run(["status"], { env: { PCX_BASE_URL: `${world.sandbox.url}/api/` } });
    // The saved id belongs to the same base (a trailing slash does not matter) …
    expect(run.code).toBe(0);
    const elsewhere = await world.run(["status"], {
      env: { PCX_BASE_URL: "http://localhost:1/api" },
    });
    // … but not to another API: nothing is sent, exit 4.
    expect(elsewhere.code).toBe(4);
    expect(elsewhere.stderr).toContain("pcx define");
    expect(elsewhere.stderr).toContain("--integration");
  });
});
