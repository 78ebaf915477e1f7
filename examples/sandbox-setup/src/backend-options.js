// What every example backend's `startBackend(options)` takes (JSDoc types only).

/**
 * @typedef {object} BackendOptions
 * @property {import("@pcx/sdk").ClientOptions} api
 *   The Procountor API client's options: `baseUrl` (the sandbox's, e.g.
 *   "http://127.0.0.1:4010/api") and `credentials`. Required.
 * @property {number} integrationId The integration this backend answers for. Required.
 * @property {Record<string, string>} stateSecrets
 *   The secrets links' `state` is signed with, by key id (`{ k1: "…" }`): at
 *   least 32 bytes each. Required.
 * @property {import("@pcx/sdk").KeyringKey[]} keyringKeys
 *   The keyring that seals the technical users' API keys in the store, oldest
 *   first (the last one seals). Required.
 * @property {string} storeFile The SQLite file of the store (created when missing; its directory must exist). Required.
 * @property {number} [port] The port to listen on. Default: 0 (a free port).
 * @property {string} [host] The interface to listen on. Default: "127.0.0.1".
 * @property {import("@pcx/sdk").CallbackLogger} [logger] Where the callback handler reports refusals and failures (never secrets). Default: none.
 * @property {(result: import("@pcx/sdk").DecisionResult) => void} [onDecided]
 *   Runs after each decision; `result.credentials` are secrets, never log them. Default: none.
 */

/**
 * @typedef {object} RunningBackend
 * @property {string} url The backend's origin, e.g. "http://127.0.0.1:3000".
 * @property {string} callbackUrl The callback URL to publish in the definition.
 * @property {import("@pcx/sdk").CallbackHandler} handler The callback handler (`complete()` finishes deferred requests).
 * @property {() => Promise<void>} close Stops listening and closes the store and the client.
 */

export {};
