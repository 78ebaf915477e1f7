import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type ApiAnswerDetails,
  ERROR_CODES,
  httpStatusFor,
  isPcxError,
  PcxError,
  type TimeoutDetails,
} from "./index.js";

const CALL = { operationId: "approveActivationRequest", method: "POST", path: "/x", attempts: 1 };

describe("PcxError", () => {
  it("keeps code, cause and hint, and serialises without the cause", () => {
    const cause = new Error("socket hang up");
    const error = new PcxError("pcx_network", "Could not reach the API", {
      cause,
      hint: "Check --base-url",
    });
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toEqual({
      code: "pcx_network",
      message: "Could not reach the API",
      hint: "Check --base-url",
    });
    expect(isPcxError(error)).toBe(true);
    expect(isPcxError(new Error("x"))).toBe(false);
    expect(isPcxError({ code: "pcx_usage", message: "from another copy of the SDK" })).toBe(true);
    expect(isPcxError({ code: "ENOENT" })).toBe(false);
  });

  it("types details per code", () => {
    const limit = new PcxError("pcx_limit_exceeded", "too many", {
      details: { ...CALL, status: 422, fields: [{ field: "companyIds", message: "m" }] },
    });
    expectTypeOf(limit.details).toEqualTypeOf<ApiAnswerDetails | undefined>();
    expect(limit.toJSON().details?.status).toBe(422);
    // @ts-expect-error: an API answer's details need the HTTP status
    new PcxError("pcx_limit_exceeded", "too many", { details: { ...CALL } });
    // @ts-expect-error: a timeout's details need timeoutMs, not status
    new PcxError("pcx_timeout", "slow", { details: { ...CALL, status: 1 } });

    const thrown: unknown = new PcxError("pcx_timeout", "slow", {
      details: { ...CALL, timeoutMs: 5 },
    });
    if (isPcxError(thrown) && thrown.code === "pcx_timeout") {
      expectTypeOf(thrown.details).toEqualTypeOf<TimeoutDetails | undefined>();
      expect(thrown.details?.timeoutMs).toBe(5);
    } else expect.unreachable("a pcx_timeout error");
    expect(isPcxError(thrown, "pcx_timeout")).toBe(true);
    expect(isPcxError(thrown, "pcx_network")).toBe(false);
  });

  it("maps codes to HTTP statuses", () => {
    expect(httpStatusFor(new PcxError("pcx_idempotency_conflict", "x"))).toBe(409);
    expect(httpStatusFor(new PcxError("pcx_already_decided", "x"))).toBe(409);
    expect(httpStatusFor(new PcxError("pcx_request_expired", "x"))).toBe(410);
    expect(httpStatusFor(new PcxError("pcx_request_not_found", "x"))).toBe(404);
    expect(httpStatusFor("not an error")).toBe(500);
    for (const code of ERROR_CODES) {
      const status = httpStatusFor(new PcxError(code, "x"));
      expect(status >= 400 && status < 600, code).toBe(true);
    }
  });
});
