import { inProcessSandbox } from "@pcx/testkit/sandbox";
import { describe, expect, it } from "vitest";
import { accessToken, admin, sandbox } from "./helpers.js";

/**
 * One outcome per request, sequentially: a status, or "drop" for a dropped
 * connection. In process: the chaos sequence is the fetch core's, the same
 * over HTTP (sdk-client.test.ts and the invariant test run it over HTTP).
 */
async function outcomes(seed: number, count: number): Promise<string[]> {
  const { sandbox: s } = inProcessSandbox({ chaos: 0.5, seed, chaosRetryAfterSeconds: 2 });
  const token = await s.engine.issueToken({
    grant_type: "client_credentials",
    client_id: s.credentials.clientId,
    client_secret: s.credentials.clientSecret,
    api_key: s.credentials.apiKey,
  }).access_token;
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    try {
      const res = await s.fetch(`${s.apiBaseUrl}/integrations`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status === 429) expect(res.headers.get("retry-after")).toBe("2");
      seen.push(String(res.status));
      await res.arrayBuffer();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      seen.push("drop");
    }
  }
  return seen;
}

describe("chaos", () => {
  it("injects the same faults for the same seed, and others for another seed", async () => {
    const a = await outcomes(7, 48);
    const b = await outcomes(7, 48);
    const c = await outcomes(8, 48);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    for (const kind of ["200", "500", "503", "429", "drop"]) expect(a).toContain(kind);
  });

  it("never touches /sandbox routes; latencyMs delays /api", async () => {
    const s = await sandbox({ chaos: 1, latencyMs: 50 });
    for (let i = 0; i < 20; i++) expect((await admin(s, "GET", "/health")).status).toBe(200);
    const started = performance.now();
    await fetch(`${s.apiBaseUrl}/integrations`)
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(s.stats.apiRequests).toBe(1);
  });

  it("does not fault when the rate is 0", async () => {
    const s = await sandbox({ seed: 3 });
    const token = await accessToken(s);
    for (let i = 0; i < 30; i++) {
      const res = await fetch(`${s.apiBaseUrl}/integrations`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });
});
