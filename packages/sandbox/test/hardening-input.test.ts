// Issue 10, bad input to the sandbox: each test names the defect it pins down.
import { inProcessSandbox } from "@pcx/testkit/sandbox";
import { describe, expect, it } from "vitest";
import { DEMO_CREDENTIALS } from "../src/index.js";
import { accessToken, client, definition, published } from "./helpers.js";

describe("bad input is a 4xx in Procountor's shape, never a 500", () => {
  it("bad percent-encoding in an id is a 400 naming the field", async () => {
    const { sandbox: s } = inProcessSandbox();
    const call = client(s, await accessToken(s));
    const api = await call("GET", "/integrations/%zz");
    expect(api.status).toBe(400);
    expect(api.body.errors[0]).toMatchObject({ field: "id", code: "INVALID" });
    const admin = await s.fetch("/sandbox/activation-requests/%E0%A4%A");
    expect(admin.status).toBe(400);
    expect((await admin.json()).errors[0].field).toBe("id");
  });

  it("ids are canonical decimal digits only: 1e0, 0x1, %201, 01 and +1 are not id 1", async () => {
    const { sandbox: s } = inProcessSandbox();
    const call = client(s, await accessToken(s));
    const id = published(s);
    expect(id).toBe(1);
    expect((await call("GET", "/integrations/1")).status).toBe(200);
    for (const bad of ["1e0", "0x1", "%201", "01", "+1", "1.0", "%31", "1%20"]) {
      const answer = await call("GET", `/integrations/${bad}`);
      expect(answer.status, bad).toBe(400);
      expect(answer.body.errors[0].field, bad).toBe("id");
      const limits = await call("PUT", `/integrations/${bad}/limits`, {
        maxConcurrentActivations: 3,
      });
      expect(limits.status, bad).toBe(400);
    }
    expect((await call("GET", "/integrations?size=1e1")).body.errors[0].field).toBe("size");
    const env = await s.fetch("/sandbox/users/1/environments?integrationId=0x1");
    expect(env.status).toBe(400);
    const user = await s.fetch("/sandbox/users/01/overview");
    expect((await user.json()).errors[0].field).toBe("userId");
    expect(s.engine.getLimits(DEMO_CREDENTIALS.clientId, 1).maxConcurrentActivations).toBe(null);
  });

  it("JSON nested 5,000 deep with an Idempotency-Key is a 400, not a 500", async () => {
    const { sandbox: s } = inProcessSandbox();
    const call = client(s, await accessToken(s));
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const body = `{"definition":${JSON.stringify(definition())},"extra":${deep}}`;
    const answer = await s.fetch(`${s.apiBaseUrl}/integrations`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await accessToken(s)}`,
        "content-type": "application/json",
        "idempotency-key": "deep-1",
      },
      body,
    });
    expect(answer.status).toBe(400);
    expect((await answer.json()).errors[0]).toMatchObject({ code: "INVALID_JSON", field: null });
    expect(s.engine.dumpState().integrations).toHaveLength(0);
    // The nesting limit counts brackets, not text inside strings.
    const inString = await call("POST", "/integrations", {
      definition: { ...definition(), description: `${"[".repeat(200)} deep-looking text` },
    });
    expect(inString.status).toBe(201);
  });

  it("JSON sent as text/plain is a 415 (API and admin routes)", async () => {
    const { sandbox: s } = inProcessSandbox();
    const token = await accessToken(s);
    const api = await s.fetch(`${s.apiBaseUrl}/integrations`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: JSON.stringify({ definition: definition() }),
    });
    expect(api.status).toBe(415);
    expect((await api.json()).errors[0]).toMatchObject({
      field: "Content-Type",
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
    const id = published(s);
    const review = await s.fetch(`/sandbox/integrations/${id}/review`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ decision: "request-changes" }),
    });
    expect(review.status).toBe(415);
    // An empty admin POST needs the JSON type too: a cross-site form can send an empty text/plain body.
    expect((await s.fetch("/sandbox/expire", { method: "POST" })).status).toBe(415);
    // An empty API POST needs no type: there is no body to read.
    const { request } = s.engine.startActivation({
      userId: 1,
      integrationId: id,
      companyIds: [1004],
      state: null,
    });
    const approve = await s.fetch(`${s.apiBaseUrl}/activation-requests/${request.id}/approve`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(approve.status).toBe(200);
    expect(s.engine.dumpState().integrations[0]?.versions[0]?.reviewState).toBe("APPROVED");
  });

  it("a malformed bearer token is told apart from a missing, an unknown and an expired one", async () => {
    const { sandbox: s } = inProcessSandbox();
    const get = async (authorization?: string) => {
      const res = await s.fetch(
        `${s.apiBaseUrl}/integrations`,
        authorization ? { headers: { authorization } } : {},
      );
      return {
        status: res.status,
        auth: res.headers.get("www-authenticate"),
        error: (await res.json()).errors[0],
      };
    };
    const missing = await get();
    expect(missing.error.message).toMatch(/^Missing bearer token/);
    expect(missing.auth).toBe('Bearer realm="pcx-sandbox"');
    for (const bad of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "Bearer ä", "Token abc"]) {
      const malformed = await get(bad);
      expect(malformed.status, bad).toBe(401);
      expect(malformed.error.message, bad).toMatch(/^Malformed Authorization header/);
      expect(malformed.auth, bad).toContain('error="invalid_request"');
    }
    const unknown = await get("Bearer pcxs_at_unknown");
    expect(unknown.error.message).toMatch(/^Unknown access token/);
    expect(unknown.auth).toContain('error="invalid_token"');
  });

  it("OAuth errors read with one full stop through the SDK ('…another API client.. Check…')", async () => {
    const kit = inProcessSandbox();
    const wrongKey = kit.client({ credentials: { ...kit.sandbox.credentials, apiKey: "nope" } });
    const error = await wrongKey.integrations.listPage().then(
      () => new Error("resolved"),
      (caught: Error) => caught,
    );
    expect(error.message).toContain("belongs to another API client. Check the API key");
    expect(error.message).not.toMatch(/\.\./);
    const wrongSecret = kit.client({
      credentials: { ...kit.sandbox.credentials, clientSecret: "nope" },
    });
    const other = await wrongSecret.integrations.listPage().then(
      () => new Error("resolved"),
      (caught: Error) => caught,
    );
    expect(other.message).not.toMatch(/\.\./);
  });
});
