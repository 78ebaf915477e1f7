// Regression tests for the sandbox's items of issue 10: each names the defect it pins down.
import { ApiErrorBodySchema } from "@pcx/sdk/contract";
import { fakeTime } from "@pcx/testkit";
import { inProcessSandbox, startTestSandbox } from "@pcx/testkit/sandbox";
import { describe, expect, it } from "vitest";
import { DEMO_CREDENTIALS, type Sandbox } from "../src/index.js";
import { accessToken, client, definition } from "./helpers.js";
import { pageAgent } from "./pages-agent.js";
import { httpRequest, rawConnection, rawRequest } from "./raw-http.js";

/** True when `text` is Procountor's error shape, `{errors: [{field, message, code}]}`. */
function isErrorShape(text: string): boolean {
  return ApiErrorBodySchema.safeParse(JSON.parse(text)).success;
}

function published(s: Sandbox): number {
  const { id } = s.engine.createIntegration(DEMO_CREDENTIALS.clientId, definition());
  s.engine.reviewIntegration(id, "approve");
  return id;
}

describe("the request line and the connection (real HTTP)", () => {
  it("a malformed request-target such as //[ is answered, and the sandbox stays up", async () => {
    const s = await startTestSandbox();
    const slashes = await rawRequest(s.url, httpRequest(s.url, "GET", "//["));
    expect(slashes.status).toBe(404);
    expect(isErrorShape(slashes.body)).toBe(true);
    for (const target of ["[", "*", "host:1", "http://[/x", "//[::1/api/integrations"]) {
      const answer = await rawRequest(s.url, httpRequest(s.url, "GET", target));
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.status, target).toBeLessThan(500);
      expect(isErrorShape(answer.body), target).toBe(true);
    }
    expect((await fetch(`${s.url}/sandbox/health`)).status).toBe(200);
  });

  it("a page for a path such as //evil.example is a 404 whose links stay on the sandbox (found by the fuzz suite)", async () => {
    const s = await startTestSandbox();
    for (const target of ["//", "//evil.example/x", "/\\evil.example"]) {
      const answer = await rawRequest(
        s.url,
        httpRequest(s.url, "GET", target, { accept: "text/html" }),
      );
      expect(answer.status, target).toBe(404);
      const hrefs = [...answer.body.matchAll(/href="([^"]*)"/g)].map((m) => m[1] as string);
      expect(hrefs.length, target).toBeGreaterThan(0);
      for (const href of hrefs) expect(href, target).toMatch(/^(\/(?![/\\])|#)/);
    }
  });

  it("a 413 is a proper answer and the connection stays usable (drained, keep-alive)", async () => {
    const s = await startTestSandbox();
    const token = await accessToken(s);
    const connection = rawConnection(s.url);
    try {
      const body = `{"definition":"${"x".repeat(1_500_000)}"}`;
      connection.send(
        httpRequest(
          s.url,
          "POST",
          "/api/integrations",
          { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body,
        ),
      );
      const refused = await connection.answer();
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.body).errors[0].code).toBe("BODY_TOO_LARGE");
      expect(refused.headers.connection).not.toBe("close");
      connection.send(httpRequest(s.url, "GET", "/sandbox/health"));
      expect((await connection.answer()).status).toBe(200);
    } finally {
      connection.close();
    }
    // fetch sees the 413 too, and its next request works.
    const big = await fetch(`${s.url}/sandbox/activation-requests`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "[".padEnd(2_000_000, " "),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].code).toBe("BODY_TOO_LARGE");
    expect((await fetch(`${s.url}/sandbox/health`)).status).toBe(200);
  });

  it("a 413 for a declared body too large to drain says Connection: close, and a fresh connection works", async () => {
    const s = await startTestSandbox();
    const connection = rawConnection(s.url);
    connection.send(
      `POST /sandbox/activation-requests HTTP/1.1\r\nHost: ${new URL(s.url).host}\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{`,
    );
    const refused = await connection.answer();
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe("close");
    await connection.untilClosed();
    expect((await fetch(`${s.url}/sandbox/health`)).status).toBe(200);
  });

  it("CR/LF in the sign-in next parameter redirects to / (no '500 See Other')", async () => {
    const s = await startTestSandbox();
    for (const next of [
      "/%0D%0ASet-Cookie:%20x=1",
      "/%0A/evil.example",
      "/%09/evil.example",
      "/.//evil.example",
      "/\\evil",
    ]) {
      const answer = await rawRequest(
        s.url,
        httpRequest(
          s.url,
          "POST",
          `/signin?next=${next}`,
          { "content-type": "application/x-www-form-urlencoded" },
          "user=demo",
        ),
      );
      expect(answer.statusLine, next).toBe("HTTP/1.1 303 See Other");
      expect(answer.headers.location, next).toBe("/");
    }
    const unicode = await rawRequest(
      s.url,
      httpRequest(
        s.url,
        "POST",
        "/signin?next=%2Fp%C3%A4iv%C3%A4",
        { "content-type": "application/x-www-form-urlencoded" },
        "user=demo",
      ),
    );
    expect(unicode.headers.location).toBe("/p%C3%A4iv%C3%A4");
  });

  it("the admin routes refuse a non-loopback Host (DNS rebinding) and answer loopback names", async () => {
    const s = await startTestSandbox();
    const port = new URL(s.url).port;
    const rebound = await rawRequest(
      s.url,
      `GET /sandbox/state HTTP/1.1\r\nHost: attacker.example:${port}\r\n\r\n`,
    );
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).errors[0]).toMatchObject({ field: "Host", code: "FORBIDDEN" });
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `sandbox.localhost:${port}`,
      `[::1]:${port}`,
    ]) {
      const answer = await rawRequest(
        s.url,
        `GET /sandbox/health HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      );
      expect(answer.status, host).toBe(200);
    }
    const noHost = await rawRequest(s.url, "GET /sandbox/health HTTP/1.1\r\n\r\n");
    expect(noHost.status).toBe(400);
    expect(JSON.parse(noHost.body).errors[0].field).toBe("Host");
  });
});

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

describe("CSRF on the customer's pages", () => {
  it("a cross-origin POST with the session cookie is refused with a 403 page and changes nothing", async () => {
    const { sandbox: s } = inProcessSandbox({ now: fakeTime().now });
    const id = published(s);
    const agent = pageAgent(s);
    await agent.signIn();
    const before = s.engine.dumpState();
    const form = "terms=accepted&env=1004";
    const refusals: Record<string, string>[] = [
      { origin: "http://127.0.0.1:9999" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of refusals) {
      const refused = await agent.post(`/activate/${id}/confirm`, form, headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.text).toContain("came from another site");
    }
    expect(s.engine.dumpState()).toEqual(before);
    const same = await agent.post(`/activate/${id}/confirm`, form, {
      origin: new URL(s.url).origin,
      "sec-fetch-site": "same-origin",
    });
    expect(same.status).toBe(303);
    expect(same.location).toMatch(/^\/requests\/\d+$/);
  });

  it("an attacker's form cannot sign the browser in as another user", async () => {
    const { sandbox: s } = inProcessSandbox();
    const agent = pageAgent(s);
    await agent.signIn("demo");
    const forced = await agent.post("/signin", "user=demo2", { origin: "http://attacker.example" });
    expect(forced.status).toBe(403);
    expect(forced.headers.getSetCookie()).toEqual([]);
    expect((await agent.get("/")).text).toContain("Maija");
    const signOut = await agent.post("/signout", "", { origin: "http://attacker.example" });
    expect(signOut.status).toBe(403);
    expect((await agent.get("/")).status).toBe(200);
  });

  it("the admin routes refuse what a browser marks as cross-origin", async () => {
    const { sandbox: s } = inProcessSandbox();
    const id = published(s);
    const answer = await s.fetch(`/sandbox/integrations/${id}/review`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://attacker.example" },
      body: JSON.stringify({ decision: "request-changes" }),
    });
    expect(answer.status).toBe(403);
    expect((await answer.json()).errors[0].field).toBe("Origin");
    const foreignHost = await s.fetch("http://attacker.example/sandbox/state");
    expect(foreignHost.status).toBe(403);
  });
});
