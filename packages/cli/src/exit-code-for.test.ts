import { ERROR_CODES, PcxError } from "@pcx/sdk";
import { describe, expect, it } from "vitest";
import { EXIT, exitCodeFor } from "./exit-code-for.js";

describe("exitCodeFor", () => {
  it("maps SDK error codes to the CLI's exit codes", () => {
    expect(exitCodeFor(new PcxError("pcx_invalid_definition", "bad"))).toBe(EXIT.checkFailed);
    expect(exitCodeFor(new PcxError("pcx_usage", "bad"))).toBe(EXIT.usage);
    expect(exitCodeFor(new PcxError("pcx_missing_credentials", "no"))).toBe(EXIT.config);
    expect(exitCodeFor(new PcxError("pcx_config", "no"))).toBe(EXIT.config);
    expect(exitCodeFor(new PcxError("pcx_server_error", "no"))).toBe(EXIT.api);
    expect(exitCodeFor(new PcxError("pcx_already_decided", "no"))).toBe(EXIT.api);
    expect(exitCodeFor(new PcxError("pcx_check_failed", "no"))).toBe(EXIT.checkFailed);
  });

  it("treats anything else as an API/runtime failure, and has a code for every SDK code", () => {
    expect(exitCodeFor(new TypeError("boom"))).toBe(EXIT.api);
    expect(exitCodeFor("not an error")).toBe(EXIT.api);
    for (const code of ERROR_CODES) {
      expect([0, 1, 2, 3, 4], code).toContain(exitCodeFor(new PcxError(code, "x")));
    }
  });
});
