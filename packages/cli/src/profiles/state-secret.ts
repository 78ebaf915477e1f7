import { randomBytes } from "node:crypto";
import { PcxError } from "@pcx/sdk";
import type { CliContext } from "../context.js";
import { readEnv } from "../env-vars.js";
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
 * A key id names one secret: PCX_STATE_KEY_ID alone would sign the profile's
 * secret under another id (and a backend holding the real secret of that id
 * would reject every link), so it is refused.
 */
function keyIdWithoutSecret(keyId: string, savedKeyId: string | undefined): PcxError {
  const saved = savedKeyId ?? DEFAULT_STATE_KEY_ID;
  return new PcxError(
    "pcx_config",
    `PCX_STATE_KEY_ID is set ("${keyId}") but PCX_STATE_SECRET is not: a key id names a secret, and pcx will not sign with the profile's secret (key id "${saved}") under another id.`,
    {
      hint: `Set PCX_STATE_SECRET to the secret that "${keyId}" names, or unset PCX_STATE_KEY_ID to use the profile's own secret and key id.`,
      details: { keyId },
    },
  );
}

/**
 * PCX_STATE_SECRET (with PCX_STATE_KEY_ID, default "k1") when set; else the
 * profile's saved secret with its saved key id; else, with `create`, a new
 * 32-byte random secret saved in the profile (owner-only file) under "k1".
 * Undefined when there is none and `create` is false. PCX_STATE_KEY_ID without
 * PCX_STATE_SECRET is pcx_config (exit 4).
 */
export function stateSigningKey(
  ctx: Pick<CliContext, "env">,
  store: ProfileStore,
  profile: string,
  options: { create: boolean },
): StateSigningKey | undefined {
  const envKeyId = readEnv(ctx.env, "PCX_STATE_KEY_ID")?.trim();
  const envSecret = readEnv(ctx.env, "PCX_STATE_SECRET");
  if (envSecret)
    return { secret: envSecret, keyId: envKeyId ?? DEFAULT_STATE_KEY_ID, source: "env" };
  if (envKeyId !== undefined) throw keyIdWithoutSecret(envKeyId, store.get(profile)?.stateKeyId);
  const stored = store.get(profile);
  if (stored?.stateSecret) {
    return {
      secret: stored.stateSecret,
      keyId: stored.stateKeyId ?? DEFAULT_STATE_KEY_ID,
      source: "profile",
    };
  }
  if (!options.create) return undefined;
  const secret = randomBytes(32).toString("base64url");
  const keyId = DEFAULT_STATE_KEY_ID;
  store.update(profile, { stateSecret: secret, stateKeyId: keyId });
  return { secret, keyId, source: "generated" };
}
