import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signState } from "./sign-state.js";
import { verifyState } from "./verify-state.js";

const SECRET = "state-secret-0123456789abcdef-0123456789";
const T0 = new Date("2025-06-01T12:00:00Z");
const now = () => T0;
const ID = 12;

describe("verifyState under arbitrary input (property)", () => {
  it("never throws, and answers ok only for an untouched token signed with this secret for this integration", async () => {
    const valid = await signState(
      { ref: "cust-42" },
      { secret: SECRET, keyId: "k1", integrationId: ID, now },
    );
    const options = { secrets: { k1: SECRET }, integrationId: ID, now };
    // Tokens signed by someone else: another secret, another integration, or both.
    const foreign = fc
      .record({
        secret: fc.oneof(fc.constant(SECRET), fc.string({ minLength: 32, maxLength: 40 })),
        integrationId: fc.oneof(fc.constant(ID), fc.integer({ min: 1, max: 1_000_000 })),
        ref: fc.string({ minLength: 1, maxLength: 20 }),
      })
      .map((spec) => ({ ...spec, kind: "foreign" as const }));
    const mutated = fc
      .tuple(fc.nat({ max: valid.length - 1 }), fc.string({ maxLength: 3 }), fc.nat({ max: 3 }))
      .map(([i, s, cut]) => valid.slice(0, i) + s + valid.slice(i + cut));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.stringMatching(
            /^v[12]\.[A-Za-z0-9_-]{0,8}\.[A-Za-z0-9_-]{0,60}\.[A-Za-z0-9_-]{40,45}$/,
          ),
          mutated,
          foreign,
        ),
        async (input) => {
          let token: unknown = input;
          let genuine = input === valid;
          if (
            typeof input === "object" &&
            input !== null &&
            (input as { kind?: string }).kind === "foreign"
          ) {
            const spec = input as { secret: string; integrationId: number; ref: string };
            token = await signState(
              { ref: spec.ref },
              { secret: spec.secret, keyId: "k1", integrationId: spec.integrationId, now },
            );
            genuine = spec.secret === SECRET && spec.integrationId === ID;
          }
          const result = await verifyState(token, options);
          expect(result.ok).toBe(genuine);
          if (!result.ok)
            expect([
              "malformed",
              "bad_signature",
              "expired",
              "unknown_key",
              "wrong_integration",
              "unsupported_version",
            ]).toContain(result.reason);
        },
      ),
      { numRuns: 400, interruptAfterTimeLimit: 3000 },
    );
  });
});
