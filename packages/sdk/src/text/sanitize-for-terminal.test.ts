import { UNSAFE_TERMINAL_TEXT as UNSAFE_OUTPUT } from "@pcx/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizeForTerminal } from "./sanitize-for-terminal.js";
import { findUnsafeCharacter } from "./unsafe-characters.js";

describe("sanitizeForTerminal", () => {
  it("escapes an OSC retitle and a clear-screen sequence visibly (terminal injection)", () => {
    const hostile = "Bad request\x1b]0;pwned\x07\x1b[2J";
    const safe = sanitizeForTerminal(hostile);
    expect(safe).toBe("Bad request\\x1b]0;pwned\\x07\\x1b[2J");
    expect(safe).not.toMatch(UNSAFE_OUTPUT);
  });

  it("escapes NUL, DEL, C1 (8-bit CSI) and every bidi override or isolate", () => {
    expect(sanitizeForTerminal("a\x00b\x7fc\x9b31m")).toBe("a\\x00b\\x7fc\\x9b31m");
    expect(sanitizeForTerminal("abc\u202edcba\u2066x\u2069\u200e\u200f\u061c")).toBe(
      "abc\\u202edcba\\u2066x\\u2069\\u200e\\u200f\\u061c",
    );
  });

  it("keeps line breaks and tabs in multi-line text, escapes them on one line; a lone CR is escaped", () => {
    expect(sanitizeForTerminal("one\n\ttwo\r\nthree\rover")).toBe("one\n\ttwo\nthree\\x0dover");
    expect(sanitizeForTerminal("one\n\ttwo", { multiline: false })).toBe("one\\x0a\\x09two");
  });

  it("returns safe text unchanged, Unicode included", () => {
    const text = "Lähetä myyntilaskut 🚀 — “quoted” العربية";
    expect(sanitizeForTerminal(text)).toBe(text);
  });

  it("property: the output never holds an unsafe character, and safe input is unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const safe = sanitizeForTerminal(text);
        expect(safe).not.toMatch(UNSAFE_OUTPUT);
        expect(sanitizeForTerminal(text, { multiline: false })).not.toMatch(/[\n\t]/);
        if (findUnsafeCharacter(text) === undefined && !text.includes("\r")) {
          expect(safe).toBe(text);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
