import { createKeyring, type Keyring, PcxError } from "@pcx/sdk";

/** The environment variable holding the keyring: `id:base64key,id:base64key` (the last seals new keys). */
export const KEYRING_ENV = "PCX_KEYRING";

/**
 * The keyring that seals technical users' API keys, from PCX_KEYRING:
 * comma-separated `keyId:base64` pairs, oldest first; the last one seals new
 * values, the others still open old ones. Errors name the variable and the
 * entry, never the key material.
 */
export function keyringFromEnv(env: NodeJS.ProcessEnv): Keyring {
  const text = env[KEYRING_ENV]?.trim();
  if (!text) {
    throw new PcxError(
      "pcx_config",
      `${KEYRING_ENV} is not set: the approved environments' API keys are sealed with it before they are stored`,
      {
        hint: `Set ${KEYRING_ENV}=k1:<32 random bytes as base64>, the same on every instance, e.g. k1:$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"). Keep it in your secret manager.`,
      },
    );
  }
  const keys = text.split(",").map((entry, index) => {
    const colon = entry.indexOf(":");
    const id = entry.slice(0, colon).trim();
    const key = entry.slice(colon + 1).trim();
    if (colon <= 0 || key === "") {
      throw new PcxError("pcx_config", `${KEYRING_ENV} entry ${index + 1} is not keyId:base64key`, {
        hint: `Write ${KEYRING_ENV} as k1:<base64>,k2:<base64> (the last key seals new values).`,
      });
    }
    return { id, key };
  });
  try {
    return createKeyring({ keys });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new PcxError("pcx_config", `${KEYRING_ENV} is not a usable keyring: ${message}`, {
      cause: error,
      hint: "Each key must be 32 random bytes as base64, under an id of 1-32 letters, digits, _ or -.",
    });
  }
}
