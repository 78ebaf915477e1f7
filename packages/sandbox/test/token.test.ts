import { fakeTime } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { DEMO_COMPANY_IDS } from "../src/index.js";
import {
  accessToken,
  admin,
  CLOCK_START,
  client,
  publishedIntegration,
  sandbox,
  tokenRequest,
} from "./helpers.js";

const good = (s: { credentials: { clientId: string; clientSecret: string; apiKey: string } }) => ({
  grant_type: "client_credentials",
  client_id: s.credentials.clientId,
  client_secret: s.credentials.clientSecret,
  api_key: s.credentials.apiKey,
});

describe("POST /api/oauth/token", () => {
  it("answers an access token for the demo credentials", async () => {
    const s = await sandbox();
    const answer = await tokenRequest(s, good(s));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 3600,
    });
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a wrong secret with invalid_client and an unknown key with invalid_grant", async () => {
    const s = await sandbox();
    const badSecret = await tokenRequest(s, { ...good(s), client_secret: "nope" });
    expect(badSecret.status).toBe(401);
    expect(badSecret.body).toEqual({
      error: "invalid_client",
      error_description: expect.any(String),
    });
    const badKey = await tokenRequest(s, { ...good(s), api_key: "nope" });
    expect(badKey.status).toBe(401);
    expect(badKey.body.error).toBe("invalid_grant");
  });

  it("answers 400 for a malformed request", async () => {
    const s = await sandbox();
    const missing = await tokenRequest(s, {
      grant_type: "client_credentials",
      client_id: "pcx-sandbox",
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe("invalid_request");
    expect(missing.body.error_description).toMatch(/client_secret/);
    const grant = await tokenRequest(s, { ...good(s), grant_type: "password" });
    expect(grant.body.error).toBe("unsupported_grant_type");
  });

  it("uses the configured lifetime and refuses the token once it expired (injected clock)", async () => {
    const clock = fakeTime(CLOCK_START);
    const s = await sandbox({ now: clock.now, tokenTtlSeconds: 60 });
    const answer = await tokenRequest(s, good(s));
    expect(answer.body.expires_in).toBe(60);
    const call = client(s, answer.body.access_token);
    expect((await call("GET", "/integrations")).status).toBe(200);
    clock.advance(60_000);
    const expired = await call("GET", "/integrations");
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0]).toMatchObject({ field: null, code: "TOKEN_EXPIRED" });
    expect(expired.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});

describe("bearer auth", () => {
  it("answers 401 in the errors[] shape without or with an unknown token", async () => {
    const s = await sandbox();
    const none = await fetch(`${s.apiBaseUrl}/integrations`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({
      errors: [
        { field: null, message: expect.stringMatching(/bearer token/), code: "UNAUTHORIZED" },
      ],
    });
    const unknown = await client(s, "pcxs_at_nope")("GET", "/integrations");
    expect(unknown.status).toBe(401);
  });

  it("gives a technical user's key a token, but not the partner API", async () => {
    const s = await sandbox();
    const call = client(s, await accessToken(s));
    const id = await publishedIntegration(s, call);
    const started = await admin(s, "POST", "/activation-requests", {
      integrationId: id,
      companyIds: [1004],
    });
    const approved = await call(
      "POST",
      `/activation-requests/${started.body.request.id}/approve`,
      {},
    );
    const apiKey = approved.body.credentials[0].apiKey as string;
    const technical = await accessToken(s, apiKey);
    const introspected = await admin(s, "POST", "/oauth/introspect", { token: technical });
    expect(introspected.body).toMatchObject({
      active: true,
      kind: "technical",
      companyId: 1004,
      integrationId: id,
      username: "acme-invoice-sync",
    });
    const forbidden = await client(s, technical)("GET", "/integrations");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors[0].code).toBe("FORBIDDEN");
    // The fixture environment activated on first approval has a working key too (not handed out).
    const state = await admin(s, "GET", "/state");
    expect(state.body.technicalKeys.map((k: { companyId: number }) => k.companyId)).toContain(
      DEMO_COMPANY_IDS.flowActivated,
    );
  });
});
