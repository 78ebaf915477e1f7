import { randomBytes } from "node:crypto";
import type { CliContext } from "../context.js";
import type { ProfileStore } from "./profile-store.js";

/** The key id signed into states when neither PCX_STATE_KEY_ID nor the profile sets one. */
export const DEFAULT_STATE_KEY_ID = "k1";

/** The HMAC key `pcx link --state` signs with, and where it came from. */
export interface StateSigningKey {
  secret: string;
  keyId: string;
  /** "env": PCX_STATE_SECRET; "profile": saved earlier; "generated": created now and saved. */
  source: "env" | "profile" | "generated";
}

/**
 * PCX_STATE_SECRET (with PCX_STATE_KEY_ID) when set; else the profile's
 * saved secret; else, with `create`, a new 32-byte random secret saved in the
 * profile (owner-only file). Undefined when there is none and `create` is false.
 */
export function stateSigningKey(
  ctx: Pick<CliContext, "env">,
  store: ProfileStore,
  profile: string,
  options: { create: boolean },
): StateSigningKey | undefined {
  const envKeyId = ctx.env.PCX_STATE_KEY_ID?.trim() || undefined;
  const envSecret = ctx.env.PCX_STATE_SECRET;
  if (envSecret)
    return { secret: envSecret, keyId: envKeyId ?? DEFAULT_STATE_KEY_ID, source: "env" };
  const stored = store.get(profile);
  if (stored?.stateSecret) {
    return {
      secret: stored.stateSecret,
      keyId: envKeyId ?? stored.stateKeyId ?? DEFAULT_STATE_KEY_ID,
      source: "profile",
    };
  }
  if (!options.create) return undefined;
  const secret = randomBytes(32).toString("base64url");
  const keyId = envKeyId ?? DEFAULT_STATE_KEY_ID;
  store.update(profile, { stateSecret: secret, stateKeyId: keyId });
  return { secret, keyId, source: "generated" };
}
