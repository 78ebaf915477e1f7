import { activationRequest } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { approveAll, deferAll, rejectAll } from "./decision.js";
import { validateDecision } from "./validate-decision.js";

const env = (companyId: number) => ({
  companyId,
  name: `Company ${companyId}`,
  businessId: "1234567-8",
  status: "PENDING" as const,
  reason: null,
  decidedAt: null,
});
const request = activationRequest(501, { environments: [env(1001), env(1002), env(1003)] });

describe("validateDecision", () => {
  it("accepts per-environment outcomes, trims reasons and orders them as the request", () => {
    const checked = validateDecision(request, [
      { companyId: 1003, action: "defer" },
      { companyId: 1001, action: "reject", reason: "  No contract found  " },
      { companyId: 1002, action: "approve" },
    ]);
    expect(checked.errors).toEqual([]);
    expect(checked.value).toEqual([
      { companyId: 1001, action: "reject", reason: "No contract found" },
      { companyId: 1002, action: "approve" },
      { companyId: 1003, action: "defer" },
    ]);
  });

  it("builds all-approve, all-reject and all-defer decisions", () => {
    expect(approveAll(request).map((o) => o.action)).toEqual(["approve", "approve", "approve"]);
    expect(rejectAll(request, "No")).toContainEqual({
      companyId: 1002,
      action: "reject",
      reason: "No",
    });
    expect(validateDecision(request, deferAll(request)).errors).toEqual([]);
  });

  it("names each problem by its path and changes nothing", () => {
    const checked = validateDecision(request, [
      { companyId: 9999, action: "approve" },
      { companyId: 1001, action: "approve" },
      { companyId: 1001, action: "reject", reason: "twice" },
      { companyId: 1002, action: "reject", reason: "   " },
      { companyId: 1003, action: "maybe" },
      null,
    ]);
    expect(checked.value).toBeUndefined();
    expect(checked.errors.map((e) => e.path)).toEqual([
      "0.companyId",
      "2.companyId",
      "3.reason",
      "4.action",
      "5",
    ]);
    expect(checked.errors[0]?.message).toMatch(
      /9999 is not an environment of .* 501; it has 1001, 1002, 1003/,
    );
    expect(checked.errors[2]?.message).toMatch(/1 to 500 characters/);
    expect(validateDecision(request, "approve").errors[0]?.message).toMatch(/array/);
  });
});
