import { describe, expect, it } from "vitest";
import { EXIT, exitCodeFor, httpStatusFor, isPcxError, PcxError } from "./index.js";

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
  });

  it("maps codes to exit codes and HTTP statuses", () => {
    expect(exitCodeFor(new PcxError("pcx_invalid_definition", "bad"))).toBe(EXIT.checkFailed);
    expect(exitCodeFor(new PcxError("pcx_usage", "bad"))).toBe(EXIT.usage);
    expect(exitCodeFor(new PcxError("pcx_missing_credentials", "no"))).toBe(EXIT.config);
    expect(exitCodeFor(new PcxError("pcx_server_error", "no"))).toBe(EXIT.api);
    expect(exitCodeFor(new TypeError("boom"))).toBe(EXIT.api);
    expect(httpStatusFor(new PcxError("pcx_idempotency_conflict", "x"))).toBe(409);
    expect(httpStatusFor("not an error")).toBe(500);
  });
});
