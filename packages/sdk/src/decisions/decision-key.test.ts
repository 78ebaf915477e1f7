import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decisionIdempotencyKey } from "../client/index.js";
import { decisionKey } from "./decision-key.js";
import { plainSha256Hex, sha256Hex } from "./sha256-hex.js";

describe("sha256Hex", () => {
  it("matches node:crypto on the standard vectors and on any text (property)", () => {
    // sha256Hex is node:crypto's on Node; the plain one serves runtimes without it.
    for (const hash of [sha256Hex, plainSha256Hex]) {
      expect(hash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      expect(hash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const expected = createHash("sha256").update(text).digest("hex");
        expect(plainSha256Hex(text)).toBe(expected);
        expect(sha256Hex(text)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("decisionKey", () => {
  it("is pcx-<action>-<id>-<hash of the canonical form>, and the client's decisionIdempotencyKey is the same key", async () => {
    // The derivation written out once more here, so a change to the key's
    // format (which would split one call into two at Procountor) fails.
    const expected = (requestId: number, action: string, companyIds: readonly number[]) => {
      const ids = [...new Set(companyIds)].sort((a, b) => a - b).join(",");
      const canonical = `pcx-decision-v1|${requestId}|${action}|${ids}`;
      return `pcx-${action}-${requestId}-${createHash("sha256").update(canonical).digest("hex").slice(0, 32)}`;
    };
    expect(decisionKey({ requestId: 123, action: "approve", companyIds: [5, 2, 5] })).toBe(
      "pcx-approve-123-17256857a1f8450ae13723add1f58a27",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.constantFrom("approve" as const, "reject" as const),
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 25 }),
        async (requestId, action, companyIds) => {
          const key = expected(requestId, action, companyIds);
          expect(decisionKey({ requestId, action, companyIds })).toBe(key);
          expect(
            await decisionIdempotencyKey({ requestId, decision: action, environments: companyIds }),
          ).toBe(key);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("ignores order and duplicates, and tells actions, requests and environments apart", () => {
    const key = decisionKey({ requestId: 7, action: "approve", companyIds: [1002, 1001, 1002] });
    expect(key).toMatch(/^pcx-approve-7-[0-9a-f]{32}$/);
    expect(decisionKey({ requestId: 7, action: "approve", companyIds: [1001, 1002] })).toBe(key);
    expect(decisionKey({ requestId: 7, action: "reject", companyIds: [1001, 1002] })).not.toBe(key);
    expect(decisionKey({ requestId: 8, action: "approve", companyIds: [1001, 1002] })).not.toBe(
      key,
    );
    expect(decisionKey({ requestId: 7, action: "approve", companyIds: [1001] })).not.toBe(key);
  });
});
