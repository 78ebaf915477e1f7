import {
  BASE,
  CREDENTIALS,
  caught,
  integration,
  ORIGIN,
  SECRETS,
  TOKEN_REPLY,
  testClient,
} from "@pcx/testkit";
import { nockOnly, recordAuthorizations } from "@pcx/testkit/nock";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { createClient } from "./procountor-client.js";

describe("ProcountorClient: M2M token exchange", () => {
  nockOnly();

  it("exchanges form-encoded client credentials and sends the token as Bearer", async () => {
    const { client } = testClient();
    const token = nock(ORIGIN)
      .post("/api/oauth/token", {
        grant_type: "client_credentials",
        client_id: CREDENTIALS.clientId,
        client_secret: SECRETS.clientSecret,
        api_key: SECRETS.apiKey,
      })
      .matchHeader("content-type", "application/x-www-form-urlencoded")
      .reply(200, TOKEN_REPLY);
    const api = nock(ORIGIN)
      .get("/api/integrations/12")
      .matchHeader("authorization", `Bearer ${SECRETS.accessToken}`)
      .reply(200, integration(12));
    const result = await client.integrations.get(12);
    expect(result.id).toBe(12);
    expect(token.isDone() && api.isDone()).toBe(true);
  });

  it("caches the token and refreshes it a margin (60 s) before expiry", async () => {
    const { client, time } = testClient();
    const tokens = nock(ORIGIN)
      .post("/api/oauth/token")
      .reply(200, { access_token: "tok-one-aaaaaa", expires_in: 3600 })
      .post("/api/oauth/token")
      .reply(200, { access_token: "tok-two-bbbbbb", expires_in: 3600 });
    const seen = recordAuthorizations(12, 4);
    await client.integrations.get(12);
    time.advance(3000 * 1000);
    await client.integrations.get(12); // 3000 s: still cached
    time.advance(539 * 1000);
    await client.integrations.get(12); // 3539 s: 1 s before the margin
    time.advance(2 * 1000);
    await client.integrations.get(12); // 3541 s: inside the 60 s margin → refresh
    expect(seen).toEqual([
      "Bearer tok-one-aaaaaa",
      "Bearer tok-one-aaaaaa",
      "Bearer tok-one-aaaaaa",
      "Bearer tok-two-bbbbbb",
    ]);
    expect(tokens.isDone()).toBe(true);
  });

  it("shares one token request among 20 concurrent callers (single flight)", async () => {
    const { client } = testClient();
    let tokenRequests = 0;
    nock(ORIGIN)
      .post("/api/oauth/token")
      .times(20)
      .delay(20)
      .reply(() => {
        tokenRequests++;
        return [200, TOKEN_REPLY];
      });
    nock(ORIGIN).get("/api/integrations/12").times(20).reply(200, integration(12));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => client.integrations.get(12)),
    );
    expect(results).toHaveLength(20);
    expect(tokenRequests).toBe(1);
  });

  it("on a 401 drops the token and retries once with a fresh one", async () => {
    const { client } = testClient();
    nock(ORIGIN)
      .post("/api/oauth/token")
      .reply(200, { access_token: "revoked-token-1", expires_in: 3600 })
      .post("/api/oauth/token")
      .reply(200, { access_token: "fresh-token-2", expires_in: 3600 });
    nock(ORIGIN)
      .get("/api/integrations/12")
      .matchHeader("authorization", "Bearer revoked-token-1")
      .reply(401, { errors: [{ field: null, message: "token revoked" }] })
      .get("/api/integrations/12")
      .matchHeader("authorization", "Bearer fresh-token-2")
      .reply(200, integration(12));
    await expect(client.integrations.get(12)).resolves.toMatchObject({ id: 12 });
    expect(nock.isDone()).toBe(true);
  });

  it("gives up with pcx_unauthorized when the fresh token is refused too", async () => {
    const { client } = testClient();
    nock(ORIGIN).post("/api/oauth/token").times(2).reply(200, TOKEN_REPLY);
    nock(ORIGIN)
      .get("/api/integrations/12")
      .times(2)
      .reply(401, { errors: [{ field: null, message: "API key revoked" }] });
    const error = await caught(client.integrations.get(12));
    expect(error.code).toBe("pcx_unauthorized");
    expect(error.message).toBe(
      "[GET] /integrations/12: 401 Unauthorized — API key revoked (after 2 attempts)",
    );
    expect(nock.isDone()).toBe(true);
  });

  it("maps OAuth errors to pcx_unauthorized naming the credential to check, never the secret", async () => {
    const { client } = testClient();
    nock(ORIGIN)
      .post("/api/oauth/token")
      .reply(401, { error: "invalid_client", error_description: "Bad client credentials" });
    const error = await caught(client.integrations.get(12));
    expect(error.code).toBe("pcx_unauthorized");
    expect(error.message).toBe(
      "[POST] /oauth/token: 401 Unauthorized — invalid_client: Bad client credentials. Check the client id (acme-client) and the client secret of your API client.",
    );
    expect(error.hint).toContain("client id (acme-client) and the client secret");
    expect(JSON.stringify(error)).not.toContain(SECRETS.clientSecret);

    nock(ORIGIN)
      .post("/api/oauth/token")
      .reply(400, { error: "invalid_grant", error_description: "API key not valid" });
    const keyError = await caught(client.integrations.get(12));
    expect(keyError.code).toBe("pcx_unauthorized");
    expect(keyError.hint).toMatch(/^Check the API key/);
    expect(keyError.details).toMatchObject({ status: 400, oauthError: "invalid_grant" });
  });

  it("retries the token request on 503 like any other call", async () => {
    const { client, time } = testClient();
    nock(ORIGIN)
      .post("/api/oauth/token")
      .reply(503)
      .post("/api/oauth/token")
      .reply(200, TOKEN_REPLY);
    nock(ORIGIN).get("/api/integrations/12").reply(200, integration(12));
    await client.integrations.get(12);
    expect(time.sleeps).toEqual([125]); // attempt 1, random 0.5 × 250 ms
  });

  it("rejects missing credentials and a bad base URL before any request", () => {
    expect(() =>
      createClient({ credentials: { clientId: "x", clientSecret: "", apiKey: " " } }),
    ).toThrow(/credentials.clientSecret, credentials.apiKey/);
    expect(() => createClient({ baseUrl: "ftp://x", credentials: CREDENTIALS })).toThrow(
      expect.objectContaining({ code: "pcx_config" }),
    );
    const client = createClient({ credentials: CREDENTIALS });
    expect(client.baseUrl).toBe("https://api.procountor.com/api");
    expect(createClient({ baseUrl: `${BASE}/`, credentials: CREDENTIALS }).baseUrl).toBe(BASE);
  });
});
