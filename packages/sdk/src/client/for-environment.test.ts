import {
  CREDENTIALS,
  caught,
  integration,
  ORIGIN,
  readBody,
  SECRETS,
  startLocalServer,
  testClient,
} from "@pcx/testkit";
import { nockOnly, recordAuthorizations } from "@pcx/testkit/nock";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { createClient } from "./procountor-client.js";
import type { Transport } from "./transport.js";

const ENV_KEY = "tk-env-1001-key-5e6f7a8b9c";

/** A token endpoint that answers a token naming the API key it was given. */
function tokenPerKey(times: number) {
  const keys: string[] = [];
  nock(ORIGIN)
    .post("/api/oauth/token")
    .times(times)
    .reply(200, (_uri, body) => {
      const form = new URLSearchParams(String(body));
      expect(form.get("client_id")).toBe(CREDENTIALS.clientId);
      expect(form.get("client_secret")).toBe(SECRETS.clientSecret);
      const key = form.get("api_key") as string;
      keys.push(key);
      return { access_token: `at-for-${key}`, expires_in: 3600 };
    });
  return keys;
}

describe("client.forEnvironment", () => {
  nockOnly();

  it("authenticates as the technical user with the same client id and secret, its own token", async () => {
    const { client } = testClient();
    const keys = tokenPerKey(2);
    const auth = recordAuthorizations(12, 3);
    const env = client.forEnvironment(1001, { apiKey: ENV_KEY });
    await env.integrations.get(12);
    await client.integrations.get(12);
    await env.integrations.get(12); // cached: no third token exchange
    expect(keys).toEqual([ENV_KEY, SECRETS.apiKey]);
    expect(auth).toEqual([
      `Bearer at-for-${ENV_KEY}`,
      `Bearer at-for-${SECRETS.apiKey}`,
      `Bearer at-for-${ENV_KEY}`,
    ]);
    expect(env.baseUrl).toBe(client.baseUrl);
  });

  it("asks technicalUserKey for the key at every token exchange, and redacts it", async () => {
    const asked: number[] = [];
    const { client } = testClient({
      technicalUserKey: async (companyId) => {
        asked.push(companyId);
        return `tk-from-store-${companyId}-abcdef`;
      },
    });
    const keys = tokenPerKey(1);
    nock(ORIGIN)
      .get("/api/integrations/12")
      .reply(400, { errors: [{ field: null, message: "key tk-from-store-1002-abcdef is odd" }] });
    const error = await caught(client.forEnvironment(1002).integrations.get(12));
    expect(asked).toEqual([1002]);
    expect(keys).toEqual(["tk-from-store-1002-abcdef"]);
    expect(error.code).toBe("pcx_api_validation");
    expect(JSON.stringify(error) + error.message).not.toContain("from-store-1002");
  });

  it("refuses a bad company id or a missing key source before any request", () => {
    const { client } = testClient();
    for (const companyId of [0, -1, 1.5, Number.NaN]) {
      expect(() => client.forEnvironment(companyId, { apiKey: ENV_KEY })).toThrow(
        expect.objectContaining({ code: "pcx_usage" }),
      );
    }
    expect(() => client.forEnvironment(1001)).toThrow(
      expect.objectContaining({
        code: "pcx_missing_credentials",
        message: expect.stringContaining("technicalUserKey"),
      }),
    );
    expect(() => client.forEnvironment(1001, { apiKey: " " })).toThrow(
      expect.objectContaining({ code: "pcx_missing_credentials" }),
    );
  });

  it("turns a failing or empty key lookup into pcx_missing_credentials without quoting it", async () => {
    const { client } = testClient({
      technicalUserKey: async (companyId) => {
        if (companyId === 1001) throw new Error("keyring says tk-leaky-inner-secret-99");
        return "";
      },
    });
    const failed = await caught(client.forEnvironment(1001).getAccessToken());
    expect(failed.code).toBe("pcx_missing_credentials");
    expect(failed.message).toContain("technicalUserKey(1001)");
    expect(JSON.stringify(failed) + failed.message + String(failed.stack)).not.toContain("leaky");
    const empty = await caught(client.forEnvironment(1003).getAccessToken());
    expect(empty.message).toBe("technicalUserKey(1003) returned no API key");
  });

  it("shares the parent's transport; each environment has its own rate limiter", async () => {
    const calls: string[] = [];
    const transport: Transport = {
      async request(request) {
        calls.push(`${request.method} ${new URL(request.url).pathname}`);
        if (request.url.endsWith("/oauth/token"))
          return {
            status: 200,
            headers: {},
            body: '{"access_token":"at-x-123456","expires_in":3600}',
          };
        return { status: 200, headers: {}, body: JSON.stringify(integration(12)) };
      },
    };
    const { client, time } = testClient({ transport, rateLimit: { requestsPerSecond: 1 } });
    const envA = client.forEnvironment(1001, { apiKey: ENV_KEY });
    const envB = client.forEnvironment(1002, { apiKey: `${ENV_KEY}-b` });
    const started = time.nowMs();
    await Promise.all([envA.integrations.get(12), envB.integrations.get(12)]);
    // Each: token then call, 1 s apart by its own limiter; the two run side by side.
    expect(time.nowMs() - started).toBe(1000);
    expect(calls).toHaveLength(4);
    await envA.close(); // not the parent's pool: a no-op
    await client.integrations.get(12);
    expect(calls).toHaveLength(6);
  });
});

describe("forEnvironment clients on the default transport", () => {
  it("use one shared keep-alive pool: the server sees at most 16 connections for 60 clients", async () => {
    const server = await startLocalServer(async (req, res) => {
      const body = await readBody(req);
      res.setHeader("content-type", "application/json");
      if (req.url === "/api/oauth/token") {
        const key = new URLSearchParams(body).get("api_key");
        res.end(JSON.stringify({ access_token: `at-${key}`, expires_in: 3600 }));
      } else res.end(JSON.stringify(integration(12)));
    });
    const client = createClient({
      baseUrl: `${server.origin}/api`,
      credentials: CREDENTIALS,
      rateLimit: false,
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          client
            .forEnvironment(2000 + i, { apiKey: `tk-env-${2000 + i}-key` })
            .integrations.get(12),
        ),
      );
      expect(results.every((result) => result.id === 12)).toBe(true);
      expect(server.connections).toBeGreaterThan(0);
      expect(server.connections).toBeLessThanOrEqual(16);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
