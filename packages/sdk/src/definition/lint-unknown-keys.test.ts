import { acme } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { lintUnknownKeys } from "./lint-unknown-keys.js";

describe("lintUnknownKeys", () => {
  it("reports up to 9 unknown fields one by one, then one warning with how many more", () => {
    const definition: Record<string, unknown> = { ...acme() };
    for (let i = 0; i < 500; i++) definition[`extra${i}`] = i;
    const warnings = lintUnknownKeys(definition);
    expect(warnings).toHaveLength(10);
    expect(warnings.slice(0, 9).map((w) => w.path)).toEqual(
      Array.from({ length: 9 }, (_, i) => `extra${i}`),
    );
    expect(warnings[9]).toMatchObject({
      path: "",
      code: "unknown_key",
      message: expect.stringMatching(
        /^491 more unknown fields are ignored \("extra9", "extra10", "extra11", …\)/,
      ),
    });
  });

  it("treats prototype names as the plain keys they are", () => {
    const definition = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 1}');
    expect(lintUnknownKeys(definition).map((w) => w.path)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
