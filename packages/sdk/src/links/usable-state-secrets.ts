import { secretBytes } from "./state-format.js";
import type { VerifyStateOptions } from "./verify-state.js";

/**
 * Whether `stateSecrets` (by key id, or a list of `{ keyId, secret }`) holds
 * at least one secret and every one is one `verifyState` takes (`secretBytes`:
 * a string or bytes of at least `MIN_SECRET_BYTES`). The callback handler and
 * the reconciler check this when they are created, so a bad secret fails at
 * start-up with their own message.
 */
export function usableStateSecrets(secrets: VerifyStateOptions["secrets"] | undefined): boolean {
  const values = Array.isArray(secrets)
    ? secrets.map((entry) => entry?.secret)
    : Object.values(secrets ?? {});
  return (
    values.length > 0 &&
    values.every((secret) => {
      try {
        secretBytes(secret, "stateSecrets");
        return true;
      } catch {
        return false;
      }
    })
  );
}
