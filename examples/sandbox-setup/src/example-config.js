// The example backends' settings, from environment variables. The names are
// pcx's own (the CLI reads the same PCX_* variables), and every one has a
// default that works against a local `pcx sandbox` out of the box.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The sandbox's public demo credentials (`pcx sandbox` prints them); they work nowhere else. */
export const SANDBOX_CREDENTIALS = Object.freeze({
  clientId: "pcx-sandbox",
  clientSecret: "pcx-sandbox-secret",
  apiKey: "pcx-sandbox-api-key",
});

/** Where `pcx sandbox` serves its API by default. */
export const SANDBOX_API_BASE_URL = "http://127.0.0.1:4010/api";

/**
 * DEVELOPMENT ONLY, NOT FOR PRODUCTION: the state secret and keyring key the
 * examples use when PCX_STATE_SECRET and PCX_KEYRING_KEY are not set. They
 * are public (they are in this file), so anyone could forge a link's state or
 * open the stored API keys with them. Refused under NODE_ENV=production.
 */
export const DEV_ONLY_DEFAULTS = Object.freeze({
  stateKeyId: "k1",
  stateSecret: "DEV-ONLY-pcx-examples-state-secret-not-for-production",
  keyringKeyId: "dev",
  /** 32 bytes, base64. */
  keyringKey: Buffer.from("DEV-ONLY-pcx-example-keyring-key").toString("base64"),
});

/**
 * @typedef {object} ExampleConfig
 * @property {{ baseUrl: string, credentials: { clientId: string, clientSecret: string, apiKey: string } }} api
 *   The Procountor API: PCX_BASE_URL (default the local sandbox's) and PCX_CLIENT_ID,
 *   PCX_CLIENT_SECRET, PCX_API_KEY (default the sandbox's demo credentials).
 * @property {number | undefined} integrationId PCX_INTEGRATION_ID; unset: the start script publishes the example's definition in the sandbox.
 * @property {{ keyId: string, secret: string }} stateKey PCX_STATE_KEY_ID (default "k1") and PCX_STATE_SECRET: what links' `state` is signed with.
 * @property {{ id: string, key: string }} keyringKey PCX_KEYRING_KEY_ID (default "dev") and PCX_KEYRING_KEY (32 bytes, base64): seals the technical users' API keys in the store.
 * @property {string} storeFile PCX_STORE_FILE: the SQLite file; default a new file in a temp directory per run.
 * @property {string | undefined} temporaryDir The temp directory of the default store file (removed on stop); undefined with PCX_STORE_FILE.
 * @property {string} host HOST; default "127.0.0.1".
 * @property {number} port PORT; default the example's own (0 picks a free port).
 * @property {string[]} devDefaults The variables that fell back to a DEVELOPMENT-ONLY default.
 */

/**
 * @param {string} name
 * @param {string | undefined} text
 * @param {number} min
 * @param {number} max
 */
function wholeNumber(name, text, min, max) {
  const value = Number(text);
  if (!/^\d+$/.test(text ?? "") || value < min || value > max) {
    throw new Error(`${name} must be a whole number ${min}–${max}, got "${text}".`);
  }
  return value;
}

/**
 * Reads an example backend's settings from `env`. Throws an Error naming the
 * variable when one is malformed, when only some of the credentials are set,
 * or when a development-only default would be used under NODE_ENV=production.
 *
 * @param {Record<string, string | undefined>} env Usually `process.env`.
 * @param {{ name: string, port: number }} example The example's name (for the temp file) and default port.
 * @returns {ExampleConfig}
 */
export function readExampleConfig(env, example) {
  const set = (/** @type {string} */ name) => (env[name] ?? "") !== "";
  const credentialNames = ["PCX_CLIENT_ID", "PCX_CLIENT_SECRET", "PCX_API_KEY"];
  const given = credentialNames.filter(set);
  if (given.length > 0 && given.length < credentialNames.length) {
    const missing = credentialNames.filter((name) => !set(name));
    throw new Error(
      `Set ${missing.join(" and ")} too, or none of them for the sandbox's demo credentials.`,
    );
  }
  /** @type {string[]} */
  const devDefaults = [];
  if (!set("PCX_STATE_SECRET")) devDefaults.push("PCX_STATE_SECRET");
  if (!set("PCX_KEYRING_KEY")) devDefaults.push("PCX_KEYRING_KEY");
  if (env.NODE_ENV === "production" && devDefaults.length > 0) {
    throw new Error(
      `NODE_ENV=production needs ${devDefaults.join(" and ")}: the built-in defaults are public and for development only.`,
    );
  }
  // The sandbox forgets its requests when it stops and numbers them from 1
  // again, so by default each run gets a fresh store that matches it.
  const temporaryDir = set("PCX_STORE_FILE")
    ? undefined
    : mkdtempSync(join(tmpdir(), `pcx-${example.name}-`));
  return {
    api: {
      baseUrl: env.PCX_BASE_URL || SANDBOX_API_BASE_URL,
      credentials:
        given.length === 0
          ? { ...SANDBOX_CREDENTIALS }
          : {
              clientId: /** @type {string} */ (env.PCX_CLIENT_ID),
              clientSecret: /** @type {string} */ (env.PCX_CLIENT_SECRET),
              apiKey: /** @type {string} */ (env.PCX_API_KEY),
            },
    },
    integrationId: set("PCX_INTEGRATION_ID")
      ? wholeNumber("PCX_INTEGRATION_ID", env.PCX_INTEGRATION_ID, 1, Number.MAX_SAFE_INTEGER)
      : undefined,
    stateKey: {
      keyId: env.PCX_STATE_KEY_ID || DEV_ONLY_DEFAULTS.stateKeyId,
      secret: env.PCX_STATE_SECRET || DEV_ONLY_DEFAULTS.stateSecret,
    },
    keyringKey: {
      id: env.PCX_KEYRING_KEY_ID || DEV_ONLY_DEFAULTS.keyringKeyId,
      key: env.PCX_KEYRING_KEY || DEV_ONLY_DEFAULTS.keyringKey,
    },
    storeFile: temporaryDir
      ? join(temporaryDir, "activations.db")
      : /** @type {string} */ (env.PCX_STORE_FILE),
    temporaryDir,
    host: env.HOST || "127.0.0.1",
    port: set("PORT") ? wholeNumber("PORT", env.PORT, 0, 65535) : example.port,
    devDefaults,
  };
}
