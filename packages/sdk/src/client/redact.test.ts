import {
  activationRequest,
  caught,
  integration,
  leakedFragments,
  ORIGIN,
  SECRETS,
  TOKEN_REPLY,
  testClient,
} from "@pcx/testkit";
import { nockOnly } from "@pcx/testkit/nock";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { isPcxError, type PcxError } from "../errors/index.js";
import { createRedactor, REDACTED, redact, redactHeaders } from "./redact.js";

describe("redact", () => {
  it("replaces secret fields at any depth without touching the input", () => {
    const input = {
      client_secret: "s1",
      nested: { apiKey: "k1", list: [{ access_token: "t1", username: "ok" }] },
      Authorization: "Bearer t2",
      name: "Acme",
    };
    const copy = structuredClone(input);
    expect(redact(input)).toEqual({
      client_secret: REDACTED,
      nested: { apiKey: REDACTED, list: [{ access_token: REDACTED, username: "ok" }] },
      Authorization: REDACTED,
      name: "Acme",
    });
    expect(input).toEqual(copy);
  });

  it("redacts secrets inside free text: bearer tokens, form and JSON bodies", () => {
    expect(redact("Authorization: Bearer abc.def-ghi")).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact("grant_type=client_credentials&client_secret=xyz&api_key=k&client_id=c")).toBe(
      `grant_type=client_credentials&client_secret=${REDACTED}&api_key=${REDACTED}&client_id=c`,
    );
    expect(redact('{"apiKey":"k-1","companyId":1,"access_token":"a\\"b"}')).toBe(
      `{"apiKey":"${REDACTED}","companyId":1,"access_token":"${REDACTED}"}`,
    );
  });

  it("redacts headers case-insensitively and survives cycles", () => {
    expect(redactHeaders({ authorization: "x", "X-Api-Key": "y", Accept: "json" })).toEqual({
      authorization: REDACTED,
      "X-Api-Key": REDACTED,
      Accept: "json",
    });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ a: 1, self: "[Circular]" });
  });

  it("scrubs the exact values it was told about, anywhere in a string", () => {
    const redactor = createRedactor({ apiKey: "my-very-secret-key" });
    expect(redactor.redact({ note: "key is my-very-secret-key!" })).toEqual({
      note: `key is ${REDACTED}!`,
    });
    redactor.set("accessToken", "token-one-123");
    redactor.set("accessToken", "token-two-456");
    expect(redactor.redact("token-one-123 token-two-456")).toBe(`token-one-123 ${REDACTED}`);
  });
});

describe("no secret reaches an error, its JSON or the debug logger", () => {
  nockOnly();

  it("across token exchange, approval, server echoes, network and OAuth errors", async () => {
    const lines: unknown[] = [];
    const { client } = testClient({
      logger: { debug: (message, data) => lines.push([message, data]) },
      retry: { maxAttempts: 2 },
    });
    const errors: unknown[] = [];
    const attempt = async (call: () => Promise<unknown>) => {
      try {
        return await call();
      } catch (error) {
        errors.push(error);
      }
    };

    nock(ORIGIN).post("/api/oauth/token").reply(200, TOKEN_REPLY);
    nock(ORIGIN).get("/api/integrations/12").reply(200, integration(12));
    await attempt(() => client.integrations.get(12));

    // An approval answers a technical user's API key.
    nock(ORIGIN)
      .post("/api/activation-requests/501/approve")
      .reply(200, {
        request: activationRequest(501, { status: "COMPLETED" }),
        credentials: [{ companyId: 1001, username: "u", apiKey: SECRETS.technicalKey }],
      });
    const approved = await attempt(() => client.activationRequests.approve(501));
    expect(JSON.stringify(approved)).toContain(SECRETS.technicalKey); // the caller gets it…

    // A careless server echoes every secret in its error text and headers.
    const echo = `bad key ${SECRETS.apiKey}, token ${SECRETS.accessToken}, secret ${SECRETS.clientSecret}, apiKey=${SECRETS.technicalKey}`;
    nock(ORIGIN)
      .get("/api/integrations/13")
      .reply(400, { errors: [{ field: "apiKey", message: echo }] }, { "X-Request-Id": echo });
    await attempt(() => client.integrations.get(13));
    nock(ORIGIN).get("/api/integrations/14").reply(500, echo);
    nock(ORIGIN)
      .get("/api/integrations/14")
      .reply(502, `{"access_token":"${SECRETS.accessToken}"}`);
    await attempt(() => client.integrations.get(14));
    nock(ORIGIN)
      .get("/api/integrations/15")
      .times(2)
      .replyWithError({ code: "ECONNRESET", message: echo });
    await attempt(() => client.integrations.get(15));
    // A response that fails validation while carrying a key.
    nock(ORIGIN)
      .post("/api/activation-requests/502/approve")
      .reply(200, { request: null, credentials: [{ apiKey: SECRETS.technicalKey }] });
    await attempt(() => client.activationRequests.approve(502));
    // 401 twice → token refresh → OAuth error echoing the secret.
    nock(ORIGIN).get("/api/integrations/16").reply(401, echo);
    nock(ORIGIN)
      .post("/api/oauth/token")
      .reply(401, { error: "invalid_client", error_description: echo });
    await attempt(() => client.integrations.get(16));

    expect(errors).toHaveLength(5);
    expect(lines.length).toBeGreaterThan(10);
    const outputs = [
      ...errors.map((error) => {
        if (!isPcxError(error)) throw error;
        return [error.message, error.hint, JSON.stringify(error), String(error), error.stack];
      }),
      JSON.stringify(lines),
    ].join("\n");
    for (const secret of Object.values(SECRETS)) expect(outputs).not.toContain(secret);
    expect(outputs).toContain(REDACTED);
    expect(outputs).toContain(`"Authorization":"${REDACTED}"`);
  });
});

describe("redaction holes (regressions)", () => {
  nockOnly();

  it("redaction: a response body cut at 2,000 characters leaks no fragment of a technical user's API key to the logger", async () => {
    const lines: string[] = [];
    const { client } = testClient({
      logger: { debug: (message, data) => lines.push(JSON.stringify([message, data])) },
    });
    const answer = (name: string) => ({
      request: activationRequest(501, {
        status: "COMPLETED",
        requestedBy: { userId: 7, name, email: "maija@example.fi" },
      }),
      credentials: [{ companyId: 1001, username: "u", apiKey: SECRETS.technicalKey }],
    });
    // Pad the answer so that the 2,000-character cut falls 26 characters into the key.
    const probe = JSON.stringify(answer("M"));
    const at = probe.indexOf(SECRETS.technicalKey);
    const body = JSON.stringify(answer("M".repeat(1 + 2000 - 26 - at)));
    expect(body.indexOf(SECRETS.technicalKey)).toBe(2000 - 26);
    nock(ORIGIN).post("/api/oauth/token").reply(200, TOKEN_REPLY);
    nock(ORIGIN)
      .post("/api/activation-requests/501/approve")
      .reply(200, body, { "Content-Type": "application/json" });
    const approved = await client.activationRequests.approve(501);
    expect(approved.credentials[0]?.apiKey).toBe(SECRETS.technicalKey);
    const response = lines.find((line) => line.includes("pcx response") && line.includes("MMMM"));
    expect(response).toContain("more characters");
    expect(leakedFragments(lines.join("\n"), [SECRETS.technicalKey])).toEqual([]);
    expect(leakedFragments(lines.join("\n"), [SECRETS.accessToken])).toEqual([]);
  });

  it("redaction: a secret with + / = & and spaces is redacted raw, form-encoded, percent-encoded and JSON-escaped", async () => {
    const secret = 'cs+with/slash=eq&amp sp"q\\ 9f8e7d';
    const lines: string[] = [];
    const { client } = testClient({
      credentials: { clientId: "acme-client", clientSecret: secret, apiKey: SECRETS.apiKey },
      logger: { debug: (message, data) => lines.push(JSON.stringify([message, data])) },
    });
    // The server echoes the token request's form body in its refusal, and the secret
    // percent-encoded and JSON-escaped.
    nock(ORIGIN)
      .post("/api/oauth/token")
      .reply(400, (_uri, requestBody) => ({
        error: "invalid_request",
        error_description: `got ${String(requestBody)} / ${encodeURIComponent(secret)} / ${JSON.stringify(secret)}`,
      }));
    const error = await caught(client.integrations.get(12));
    expect(error.code).toBe("pcx_unauthorized");
    const printed = [error.message, JSON.stringify(error), String(error), error.stack, ...lines];
    expect(printed.join("\n")).toContain(REDACTED);
    expect(leakedFragments(printed.join("\n"), [secret])).toEqual([]);
    expect(leakedFragments(printed.join("\n"), [SECRETS.apiKey])).toEqual([]);
  });

  it("redaction: a base URL with user:pass@ is refused, and userinfo never reaches a trace or an error", async () => {
    const password = "hunter2-pass-77";
    let thrown: unknown;
    try {
      testClient({ baseUrl: `https://integrator:${password}@api.pcx-test.example/api` });
    } catch (error) {
      thrown = error;
    }
    expect(isPcxError(thrown)).toBe(true);
    const config = thrown as PcxError;
    expect(config.code).toBe("pcx_config");
    expect(config.message).toContain("baseUrl");
    expect(config.details).toEqual({ option: "baseUrl" });
    expect([config.message, JSON.stringify(config), config.stack].join("\n")).not.toContain(
      password,
    );

    // A server (or a proxy) that names such a URL in its answer or a network error.
    const lines: string[] = [];
    const { client } = testClient({
      logger: { debug: (message, data) => lines.push(JSON.stringify([message, data])) },
      retry: { maxAttempts: 1 },
    });
    const url = `https://integrator:${password}@mirror.example/api`;
    nock(ORIGIN).post("/api/oauth/token").reply(200, TOKEN_REPLY);
    nock(ORIGIN).get("/api/integrations/12").reply(502, `upstream ${url} failed`);
    nock(ORIGIN)
      .get("/api/integrations/13")
      .replyWithError({ code: "ECONNREFUSED", message: `connect ${url}` });
    const errors = [
      await caught(client.integrations.get(12)),
      await caught(client.integrations.get(13)),
    ];
    expect(errors.map((e) => e.code)).toEqual(["pcx_server_error", "pcx_network"]);
    const printed = [
      ...errors.flatMap((e) => [e.message, JSON.stringify(e), e.stack, String(e.cause)]),
      ...lines,
    ].join("\n");
    expect(printed).toContain("mirror.example");
    expect(printed).not.toContain(password);
  });
});
