import {
  activationRequest,
  caught,
  integration,
  ORIGIN,
  TOKEN_REPLY,
  testClient,
} from "@pcx/testkit";
import { nockOnly } from "@pcx/testkit/nock";
import nock from "nock";
import { beforeEach, describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-policy.js";

const api = () => nock(ORIGIN);

describe("client retries, idempotency and errors", () => {
  nockOnly();
  beforeEach(() => {
    // Every test starts with one token exchange available.
    api().post("/api/oauth/token").reply(200, TOKEN_REPLY);
  });

  it.each([503, 502, 500, 504])("retries a %i with full-jitter backoff", async (status) => {
    const { client, time } = testClient({ random: () => 0.5 });
    api()
      .get("/api/integrations/12")
      .times(2)
      .reply(status, "upstream trouble")
      .get("/api/integrations/12")
      .reply(200, integration(12));
    await expect(client.integrations.get(12)).resolves.toMatchObject({ id: 12 });
    // attempt n waits random × min(8000, 250 × 2^(n−1)): 0.5 × 250, 0.5 × 500
    expect(time.sleeps).toEqual([125, 250]);
  });

  it("retries network errors", async () => {
    const { client, time } = testClient({ random: () => 0.999 });
    api()
      .get("/api/integrations/12")
      .replyWithError({ code: "ECONNRESET", message: "socket hang up" })
      .get("/api/integrations/12")
      .reply(200, integration(12));
    await expect(client.integrations.get(12)).resolves.toMatchObject({ id: 12 });
    expect(time.sleeps).toEqual([249]);
  });

  it("honours Retry-After in seconds and as an HTTP-date on 429", async () => {
    const { client, time } = testClient();
    const at = new Date(time.nowMs() + 7000).toUTCString();
    api()
      .get("/api/integrations/12")
      .reply(429, { errors: [{ field: null, message: "slow down" }] }, { "Retry-After": "3" })
      .get("/api/integrations/12")
      .reply(429, "", { "Retry-After": at })
      .get("/api/integrations/12")
      .reply(200, integration(12));
    await client.integrations.get(12);
    // 3 s; then the date 7 s after the start, 3 s of which have passed.
    expect(time.sleeps).toEqual([3000, 4000]);
  });

  it.each(["-1", "-0.5", "soon", "1e3", "Infinity", "0x10", "-1, 5", "Mon, 99 Foo 2025"])(
    "Retry-After: %s falls back to the computed backoff, never an immediate retry",
    async (retryAfter) => {
      const { client, time } = testClient({ random: () => 0.5 });
      api()
        .get("/api/integrations/12")
        .reply(429, "", { "Retry-After": retryAfter })
        .get("/api/integrations/12")
        .reply(200, integration(12));
      await client.integrations.get(12);
      expect(time.sleeps).toEqual([125]); // 0.5 × 250 ms, as without the header
      expect(parseRetryAfter(retryAfter, time.nowMs())).toBeUndefined();
    },
  );

  it("gives up on 429 with pcx_rate_limited when Retry-After exceeds the time budget", async () => {
    const { client, time } = testClient({ retry: { maxElapsedMs: 10_000 } });
    api().get("/api/integrations/12").reply(429, "", { "Retry-After": "60" });
    const error = await caught(client.integrations.get(12));
    expect(error.code).toBe("pcx_rate_limited");
    expect(error.details).toMatchObject({ retriesExhausted: true, retryAfterMs: 60_000 });
    expect(time.sleeps).toEqual([]);
  });

  it.each([
    [400, "pcx_api_validation", { errors: [{ field: "definition.name", message: "required" }] }],
    [403, "pcx_forbidden", { errors: [{ field: null, message: "not yours" }] }],
    [404, "pcx_not_found", { errors: [{ field: null, message: "no such integration" }] }],
    [409, "pcx_conflict", { errors: [{ field: null, message: "version changed" }] }],
    [422, "pcx_api_validation", { errors: [{ field: null, message: "x" }] }],
  ])("does not retry a %i (→ %s)", async (status, code, body) => {
    const { client, time } = testClient();
    const scope = api().get("/api/integrations/12").reply(status, body);
    const error = await caught(client.integrations.get(12));
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ status, attempts: 1 });
    expect(time.sleeps).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it("formats errors like ofetch and lists validation fields in details", async () => {
    const { client } = testClient();
    api()
      .put("/api/integrations/12/limits")
      .reply(
        409,
        { errors: [{ field: "maxConcurrentActivations", message: "below active count" }] },
        { "X-Request-Id": "req-42" },
      );
    const conflict = await caught(client.integrations.setLimits(12, 5));
    expect(conflict.message).toBe(
      "[PUT] /integrations/12/limits: 409 Conflict — maxConcurrentActivations: below active count",
    );
    expect(conflict.details).toMatchObject({ requestId: "req-42", operationId: "setLimits" });

    const fields = [
      { field: "definition.callbackUrl", message: "must use https", code: "INVALID_URL" },
      { field: "definition.name", message: "too short" },
    ];
    api().post("/api/integrations").reply(400, { errors: fields });
    const invalid = await caught(client.integrations.create(definitionInput()));
    expect(invalid.code).toBe("pcx_api_validation");
    expect(invalid.details?.fields).toEqual(fields);
    expect(invalid.message).toBe(
      "[POST] /integrations: 400 Bad Request — definition.callbackUrl: must use https; definition.name: too short",
    );
  });

  it("maps IDEMPOTENCY_KEY_REUSED to pcx_idempotency_conflict", async () => {
    const { client } = testClient();
    api()
      .post("/api/activation-requests/501/reject")
      .reply(409, {
        errors: [
          { field: null, message: "key used with another body", code: "IDEMPOTENCY_KEY_REUSED" },
        ],
      });
    const error = await caught(client.activationRequests.reject(501, { reason: "Not a customer" }));
    expect(error.code).toBe("pcx_idempotency_conflict");
  });

  it("sends the same Idempotency-Key on every retry of a mutating call", async () => {
    const { client } = testClient();
    const keys: string[] = [];
    api()
      .put("/api/integrations/12/limits", { maxConcurrentActivations: 20 })
      .times(3)
      .reply(function () {
        keys.push(String(this.req.headers["idempotency-key"]));
        return keys.length < 3 ? [502, "bad gateway"] : [200, { maxConcurrentActivations: 20 }];
      });
    await expect(client.integrations.setLimits(12, 20)).resolves.toEqual({
      maxConcurrentActivations: 20,
    });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);

    // A new logical call gets a new key; a caller's key is sent as given.
    api()
      .put("/api/integrations/12/limits")
      .times(2)
      .reply(function () {
        keys.push(String(this.req.headers["idempotency-key"]));
        return [200, { maxConcurrentActivations: null }];
      });
    await client.integrations.setLimits(12, null);
    await client.integrations.setLimits(12, null, { idempotencyKey: "my-key-1" });
    expect(keys[3]).not.toBe(keys[0]);
    expect(keys[4]).toBe("my-key-1");
  });

  it("gives up after maxAttempts with the last error, marked retriesExhausted", async () => {
    const { client, time } = testClient({ retry: { maxAttempts: 3 } });
    api().get("/api/integrations/12").times(3).reply(503, { message: "maintenance" });
    const error = await caught(client.integrations.get(12));
    expect(error.code).toBe("pcx_server_error");
    expect(error.message).toBe(
      "[GET] /integrations/12: 503 Service Unavailable — maintenance (after 3 attempts)",
    );
    expect(error.details).toMatchObject({ attempts: 3, retriesExhausted: true });
    expect(time.sleeps).toHaveLength(2);
  });

  it("gives up when the next wait would pass maxElapsedMs", async () => {
    const { client, time } = testClient({
      random: () => 0.99,
      retry: { maxAttempts: 20, baseDelayMs: 1000, maxDelayMs: 60_000, maxElapsedMs: 5000 },
    });
    api()
      .get("/api/integrations/12")
      .times(20)
      .replyWithError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED" });
    const error = await caught(client.integrations.get(12));
    expect(error.code).toBe("pcx_network");
    expect(error.message).toMatch(/^\[GET\] \/integrations\/12: network error — .*ECONNREFUSED/);
    // 990 + 1980 = 2970 ms waited; the next (3960) would pass 5000.
    expect(time.sleeps).toEqual([990, 1980]);
    expect(error.details).toMatchObject({ attempts: 3, retriesExhausted: true });
  });

  it("times out an attempt with pcx_timeout and retries it", async () => {
    // The 30 ms budget is the call's own, not the client's: with a client-wide
    // 30 ms the token exchange before it had the same budget, and on a loaded
    // machine it timed out too; its retry found no token reply left and
    // failed as pcx_network. The token exchange keeps the default here.
    const { client } = testClient({ retry: { maxAttempts: 2 } });
    api().get("/api/integrations/12").times(2).delay(500).reply(200, integration(12));
    const error = await caught(client.integrations.get(12, { timeoutMs: 30 }));
    expect(error.code).toBe("pcx_timeout");
    expect(error.details).toMatchObject({ operationId: "getIntegration", timeoutMs: 30 });
    expect(error.message).toBe("[GET] /integrations/12: no answer within 30 ms (after 2 attempts)");
  });

  it("stops at once when the caller aborts", async () => {
    const { client } = testClient();
    api().get("/api/integrations/12").delay(500).reply(200, integration(12));
    const controller = new AbortController();
    const call = client.integrations.get(12, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 10);
    await expect(call).rejects.toThrow("user cancelled");
  });

  it("rejects an answer that does not match the contract with pcx_invalid_response", async () => {
    const { client } = testClient();
    const bad = { ...activationRequest(501), environments: [{ companyId: "x" }] };
    api().get("/api/activation-requests/501").reply(200, bad);
    const error = await caught(client.activationRequests.get(501));
    expect(error.code).toBe("pcx_invalid_response");
    expect(error.message).toContain("getActivationRequest");
    expect(error.message).toContain('field "environments[0].companyId"');
    expect(error.details).toMatchObject({ field: "environments[0].companyId", status: 200 });

    api().get("/api/activation-requests/502").reply(200, "<html>proxy</html>");
    const notJson = await caught(client.activationRequests.get(502));
    expect(notJson.code).toBe("pcx_invalid_response");
  });

  it("validates input before sending anything", async () => {
    const { client } = testClient();
    const error = await caught(client.activationRequests.reject(501, { reason: "  " }));
    expect(error.code).toBe("pcx_usage");
    expect(error.message).toBe(
      "rejectActivationRequest: invalid body — reason: give the customer a reason",
    );
    const badId = await caught(client.integrations.get(-1));
    expect(badId.code).toBe("pcx_usage");
    const badDefinition = await caught(
      client.integrations.create({ ...definitionInput(), name: "" }),
    );
    expect(badDefinition.code).toBe("pcx_invalid_definition");
    expect(badDefinition.details?.fields).toContainEqual(
      expect.objectContaining({ field: "definition.name" }),
    );
  });
});

function definitionInput() {
  return integration(1).latest.definition;
}
