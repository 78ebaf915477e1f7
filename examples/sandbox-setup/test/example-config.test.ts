// The examples' settings from environment variables: sandbox defaults that
// work out of the box, dev-only secrets refused in production, and a message
// naming the variable for anything malformed.
import { existsSync, rmSync } from "node:fs";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEV_ONLY_DEFAULTS,
  readExampleConfig,
  SANDBOX_API_BASE_URL,
  SANDBOX_CREDENTIALS,
} from "../src/index.js";

const EXAMPLE = { name: "config-test", port: 3999 };
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const read = (env: Record<string, string | undefined>) => {
  const config = readExampleConfig(env, EXAMPLE);
  if (config.temporaryDir) made.push(config.temporaryDir);
  return config;
};

describe("readExampleConfig", () => {
  it("defaults to the local sandbox, its demo credentials, dev-only secrets and a fresh temp store", () => {
    const config = read({});
    expect(config.api).toEqual({ baseUrl: SANDBOX_API_BASE_URL, credentials: SANDBOX_CREDENTIALS });
    expect(config.integrationId).toBeUndefined();
    expect(config.stateKey).toEqual({ keyId: "k1", secret: DEV_ONLY_DEFAULTS.stateSecret });
    expect(config.keyringKey).toEqual({ id: "dev", key: DEV_ONLY_DEFAULTS.keyringKey });
    expect(Buffer.from(config.keyringKey.key, "base64")).toHaveLength(32);
    expect(config.devDefaults).toEqual(["PCX_STATE_SECRET", "PCX_KEYRING_KEY"]);
    expect(config.port).toBe(3999);
    expect(config.host).toBe("127.0.0.1");
    expect(existsSync(config.temporaryDir ?? "")).toBe(true);
    expect(config.storeFile.startsWith(config.temporaryDir ?? "?")).toBe(true);
    expect(read({}).storeFile).not.toBe(config.storeFile);
  });

  it("takes every setting from its variable", () => {
    const config = read({
      PCX_BASE_URL: "http://127.0.0.1:4020/api",
      PCX_CLIENT_ID: "id",
      PCX_CLIENT_SECRET: "secret",
      PCX_API_KEY: "key",
      PCX_INTEGRATION_ID: "12",
      PCX_STATE_SECRET: "s".repeat(40),
      PCX_STATE_KEY_ID: "2025-06",
      PCX_KEYRING_KEY: "a2V5",
      PCX_KEYRING_KEY_ID: "prod1",
      PCX_STORE_FILE: "/var/lib/acme/pcx.db",
      HOST: "0.0.0.0",
      PORT: "0",
    });
    expect(config).toEqual({
      api: {
        baseUrl: "http://127.0.0.1:4020/api",
        credentials: { clientId: "id", clientSecret: "secret", apiKey: "key" },
      },
      integrationId: 12,
      stateKey: { keyId: "2025-06", secret: "s".repeat(40) },
      keyringKey: { id: "prod1", key: "a2V5" },
      storeFile: "/var/lib/acme/pcx.db",
      temporaryDir: undefined,
      host: "0.0.0.0",
      port: 0,
      devDefaults: [],
    });
  });

  it("refuses some credentials without the others, naming the missing ones", () => {
    expect(() => read({ PCX_CLIENT_ID: "id" })).toThrow(
      "Set PCX_CLIENT_SECRET and PCX_API_KEY too, or none of them",
    );
  });

  it("refuses the dev-only secrets under NODE_ENV=production", () => {
    expect(() => read({ NODE_ENV: "production", PCX_KEYRING_KEY: "a2V5" })).toThrow(
      "NODE_ENV=production needs PCX_STATE_SECRET",
    );
  });

  it("names a malformed PORT or PCX_INTEGRATION_ID", () => {
    expect(() => read({ PORT: "80a" })).toThrow('PORT must be a whole number 0–65535, got "80a"');
    expect(() => read({ PORT: "70000" })).toThrow("PORT must be");
    expect(() => read({ PCX_INTEGRATION_ID: "0" })).toThrow("PCX_INTEGRATION_ID must be");
  });

  it("fuzz: any environment gives a usable config or an Error naming a variable", () => {
    const names = [
      "PCX_BASE_URL",
      "PCX_CLIENT_ID",
      "PCX_CLIENT_SECRET",
      "PCX_API_KEY",
      "PCX_INTEGRATION_ID",
      "PCX_STATE_SECRET",
      "PCX_STATE_KEY_ID",
      "PCX_KEYRING_KEY",
      "PCX_KEYRING_KEY_ID",
      "PCX_STORE_FILE",
      "HOST",
      "PORT",
      "NODE_ENV",
    ];
    const value = fc.oneof(fc.string(), fc.constantFrom("0", "3000", "65536", "production", ""));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), value), (env) => {
        let config: ReturnType<typeof read>;
        try {
          config = read({ ...env, PCX_STORE_FILE: env.PCX_STORE_FILE || "/tmp/unused.db" });
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect(names.some((name) => (error as Error).message.includes(name))).toBe(true);
          return;
        }
        expect(Number.isInteger(config.port) && config.port >= 0 && config.port <= 65535).toBe(
          true,
        );
        expect(config.stateKey.secret.length).toBeGreaterThan(0);
        expect(Object.values(config.api.credentials).every((v) => v.length > 0)).toBe(true);
      }),
      { numRuns: 300, interruptAfterTimeLimit: 2_000 },
    );
  });
});
