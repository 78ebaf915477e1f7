import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeValue } from "./describe-value.js";

describe("describeValue", () => {
  it("names the kind, and quotes numbers, booleans and short text", () => {
    expect(describeValue(42)).toBe("a number (42)");
    expect(describeValue(Number.NaN)).toBe("a number (NaN)");
    expect(describeValue(true)).toBe("a boolean (true)");
    expect(describeValue("x".repeat(50))).toBe(`text ("${"x".repeat(40)}…")`);
    expect(describeValue(null)).toBe("nothing (null)");
    expect(describeValue([1])).toBe("a list");
    expect(describeValue(undefined)).toBe("undefined");
  });

  it("never calls into the value: objects whose toString throws or is not a function, symbols, bigints", () => {
    const hostile = {
      toString() {
        throw new Error("called");
      },
    };
    expect(describeValue(hostile)).toBe("an object");
    expect(describeValue({ toString: 0 })).toBe("an object");
    expect(describeValue(Object.create(null))).toBe("an object");
    expect(describeValue(Symbol("s"))).toBe("symbol");
    expect(describeValue(10n)).toBe("bigint");
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), (value) => {
        expect(typeof describeValue(value)).toBe("string");
      }),
      { numRuns: 300 },
    );
  });
});
