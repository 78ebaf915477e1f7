import { describe, expect, it } from "vitest";
import { describeCharacter, findUnsafeCharacter } from "./unsafe-characters.js";

describe("findUnsafeCharacter / describeCharacter", () => {
  it("finds the first unsafe character and names it", () => {
    expect(findUnsafeCharacter("ok text")).toBeUndefined();
    expect(findUnsafeCharacter("ab\x1b[2J")).toEqual({ index: 2, code: 0x1b });
    expect(findUnsafeCharacter("a\nb")).toBeUndefined();
    expect(findUnsafeCharacter("a\nb", { allowLineBreaks: false })).toEqual({ index: 1, code: 10 });
    expect(describeCharacter(0x1b)).toBe("U+001B ESC (escape)");
    expect(describeCharacter(0x202e)).toBe("U+202E RIGHT-TO-LEFT OVERRIDE");
    expect(describeCharacter(0x85)).toBe("U+0085 (a control character)");
  });
});
