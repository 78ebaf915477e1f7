import { describe, expect, it } from "vitest";
import type { StoredProfile } from "./profile-store.js";
import { requireCredentials, resolveConnection, resolveIntegration } from "./resolve-connection.js";

function store(profiles: Record<string, StoredProfile>, defaultProfile?: string) {
  return { defaultProfile: () => defaultProfile, get: (name: string) => profiles[name] };
}

describe("resolveConnection", () => {
  it("flags/env beat the profile, which beats the built-in values", () => {
    const saved = store({
      sandbox: { clientId: "saved-id", baseUrl: "https://saved.example/api" },
    });
    const c = resolveConnection(
      { profile: "sandbox", baseUrl: undefined, env: { PCX_API_KEY: "env-key" } },
      saved,
    );
    expect(c.baseUrl).toBe("https://saved.example/api");
    expect(c.credentials).toEqual({
      clientId: "saved-id",
      clientSecret: "pcx-sandbox-secret",
      apiKey: "env-key",
    });
    expect(c.credentialSources).toEqual({
      clientId: "profile",
      clientSecret: "built-in",
      apiKey: "env",
    });
    const overridden = resolveConnection(
      { profile: "sandbox", baseUrl: "https://flag.example/api/", env: {} },
      saved,
    );
    expect(overridden.baseUrl).toBe("https://flag.example/api");
    expect(overridden.baseUrlSource).toBe("override");
  });

  it("without --profile: the saved default, else production", () => {
    expect(
      resolveConnection({ profile: undefined, env: {}, baseUrl: undefined }, store({}, "test")),
    ).toMatchObject({ profile: "test", profileSource: "default" });
    expect(
      resolveConnection({ profile: undefined, env: {}, baseUrl: undefined }, store({})),
    ).toMatchObject({
      profile: "production",
      profileSource: "built-in",
      baseUrl: "https://api.procountor.com/api",
    });
  });

  it("missing credentials: pcx_missing_credentials naming what is missing and how to fix it", () => {
    const c = resolveConnection(
      { profile: "test", env: { PCX_CLIENT_ID: "x" }, baseUrl: undefined },
      store({}),
    );
    expect(() => requireCredentials(c)).toThrow(
      expect.objectContaining({
        code: "pcx_missing_credentials",
        message:
          'No client secret, API key for profile "test" (https://pts-api.procountor.com/api).',
        hint: expect.stringMatching(
          /pcx login --profile test.*PCX_CLIENT_SECRET, PCX_API_KEY.*--profile sandbox/,
        ),
      }),
    );
  });
});

describe("resolveIntegration", () => {
  const connection = resolveConnection(
    { profile: "sandbox", env: {}, baseUrl: undefined },
    store({ sandbox: { integration: { id: 5, baseUrl: "http://127.0.0.1:4010/api" } } }),
  );
  it("--integration, then PCX_INTEGRATION_ID, then the profile's for the same base URL", () => {
    expect(resolveIntegration(9, { env: { PCX_INTEGRATION_ID: "8" } }, connection)).toEqual({
      id: 9,
      source: "flag",
    });
    expect(resolveIntegration(undefined, { env: { PCX_INTEGRATION_ID: "8" } }, connection)).toEqual(
      { id: 8, source: "env" },
    );
    expect(resolveIntegration(undefined, { env: {} }, connection)).toEqual({
      id: 5,
      source: "profile",
    });
    const elsewhere = { ...connection, baseUrl: "http://127.0.0.1:4999/api" };
    expect(resolveIntegration(undefined, { env: {} }, elsewhere)).toBeUndefined();
    expect(() =>
      resolveIntegration(undefined, { env: { PCX_INTEGRATION_ID: "x1" } }, connection),
    ).toThrow(/PCX_INTEGRATION_ID must be a positive whole number/);
  });
});
