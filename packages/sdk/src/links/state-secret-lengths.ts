import type { VerifyStateOptions } from "./verify-state.js";

/**
 * The byte length of each state secret given as `stateSecrets` (by key id, or
 * a list of `{ keyId, secret }`); 0 for an entry that is not a string or
 * bytes. The callback handler and the reconciler check these against
 * `MIN_SECRET_BYTES` when they are created, so a bad secret fails at start-up.
 */
export function stateSecretLengths(secrets: VerifyStateOptions["secrets"] | undefined): number[] {
  const values = Array.isArray(secrets)
    ? secrets.map((entry) => entry?.secret)
    : Object.values(secrets ?? {});
  return values.map((secret) =>
    typeof secret === "string"
      ? new TextEncoder().encode(secret).byteLength
      : secret instanceof Uint8Array
        ? secret.byteLength
        : 0,
  );
}
