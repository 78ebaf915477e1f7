import { DEMO_CREDENTIALS } from "@pcx/sandbox";
import { describe, expect, it } from "vitest";
import { BUILTIN_PROFILES, SANDBOX_DEMO_CREDENTIALS } from "../src/profiles/builtin-profiles.js";

describe("built-in profiles", () => {
  it("the sandbox profile's copy of the demo credentials equals the sandbox's own", () => {
    expect({ ...SANDBOX_DEMO_CREDENTIALS }).toEqual({ ...DEMO_CREDENTIALS });
    expect(BUILTIN_PROFILES.sandbox?.credentials).toBe(SANDBOX_DEMO_CREDENTIALS);
  });

  it("only the sandbox has credentials without a login", () => {
    expect(BUILTIN_PROFILES.test?.credentials).toBeUndefined();
    expect(BUILTIN_PROFILES.production?.credentials).toBeUndefined();
    expect(BUILTIN_PROFILES.production?.baseUrl).toBe("https://api.procountor.com/api");
    expect(BUILTIN_PROFILES.test?.baseUrl).toBe("https://pts-api.procountor.com/api");
    expect(BUILTIN_PROFILES.sandbox?.baseUrl).toBe("http://127.0.0.1:4010/api");
  });
});
