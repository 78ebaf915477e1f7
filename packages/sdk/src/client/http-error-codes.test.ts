import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_ERROR_CODES } from "../contract/index.js";
import { errorFromResponse, errorFromTransport, type RequestContext } from "./http-errors.js";
import { createRedactor } from "./redact.js";

const ctx = (operationId: string, path = "/activation-requests/7/approve"): RequestContext => ({
  method: "POST",
  path,
  operationId,
  attempts: 1,
  idempotencyKey: "key-1",
});

const answer = (status: number, code: string, message = "m") => ({
  status,
  headers: { "x-request-id": "req-1" },
  body: JSON.stringify({ errors: [{ field: null, message, code }] }),
});

describe("errorFromResponse", () => {
  const redactor = createRedactor();

  it.each([
    [409, API_ERROR_CODES.ALREADY_DECIDED, "approveActivationRequest", "pcx_already_decided"],
    [409, API_ERROR_CODES.REQUEST_EXPIRED, "rejectActivationRequest", "pcx_request_expired"],
    [
      409,
      API_ERROR_CODES.IDEMPOTENCY_KEY_REUSED,
      "approveActivationRequest",
      "pcx_idempotency_conflict",
    ],
    [422, API_ERROR_CODES.LIMIT_EXCEEDED, "setLimits", "pcx_limit_exceeded"],
    [404, API_ERROR_CODES.NOT_FOUND, "approveActivationRequest", "pcx_request_not_found"],
    [404, API_ERROR_CODES.NOT_FOUND, "getActivationRequest", "pcx_request_not_found"],
    [404, API_ERROR_CODES.NOT_FOUND, "getIntegration", "pcx_not_found"],
    [409, API_ERROR_CODES.ALREADY_REMOVED, "deactivate", "pcx_conflict"],
    [400, API_ERROR_CODES.UNKNOWN_FIELD, "approveActivationRequest", "pcx_api_validation"],
  ])("%i %s on %s → %s", (status, apiCode, operationId, code) => {
    const error = errorFromResponse(ctx(operationId), answer(status, apiCode), redactor);
    expect(error.code).toBe(code);
    expect(error.hint).toEqual(expect.any(String));
    expect(error.details).toMatchObject({
      status,
      operationId,
      attempts: 1,
      requestId: "req-1",
      fields: [{ code: apiCode }],
    });
  });

  it("names the field of a refused body in the message", () => {
    const error = errorFromResponse(
      ctx("approveActivationRequest"),
      {
        status: 400,
        headers: {},
        body: JSON.stringify({
          errors: [{ field: "enviroments", message: "unknown field", code: "UNKNOWN_FIELD" }],
        }),
      },
      redactor,
    );
    expect(error.message).toBe(
      "[POST] /activation-requests/7/approve: 400 Bad Request — enviroments: unknown field",
    );
  });

  it("never throws and never echoes a known secret, whatever the answer (property)", () => {
    const secret = "s3cr3t-client-secret-value";
    const scrub = createRedactor({ clientSecret: secret });
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 599 }),
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constant(JSON.stringify({ errors: [{ field: secret, message: secret, code: "X" }] })),
          fc.constant(JSON.stringify({ error: "invalid_client", error_description: secret })),
        ),
        fc.constantFrom("getToken", "approveActivationRequest", "getIntegration"),
        (status, body, operationId) => {
          const error = errorFromResponse(ctx(operationId), { status, headers: {}, body }, scrub);
          expect(error.code).toMatch(/^pcx_/);
          expect(JSON.stringify(error.toJSON())).not.toContain(secret);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("errorFromTransport", () => {
  it("types the timeout and the network reason", () => {
    const redactor = createRedactor();
    const timeout = errorFromTransport(ctx("getIntegration"), new Error("aborted"), 50, redactor);
    expect(timeout).toMatchObject({ code: "pcx_timeout", details: { timeoutMs: 50 } });
    const cause = Object.assign(new Error("fetch failed"), {
      cause: Object.assign(new Error("connect refused"), { code: "ECONNREFUSED" }),
    });
    const network = errorFromTransport(ctx("getIntegration"), cause, undefined, redactor);
    expect(network.code).toBe("pcx_network");
    expect(network.details).toMatchObject({ reason: "fetch failed: ECONNREFUSED connect refused" });
  });
});
