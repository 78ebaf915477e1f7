import { type ClientCredentials, PcxError } from "@pcx/sdk";
import type { CliContext } from "../context.js";
import { type EnvName, readEnv } from "../env-vars.js";
import { builtinProfile, FALLBACK_PROFILE } from "./builtin-profiles.js";
import { checkBaseUrl, overrideOrigin } from "./check-base-url.js";
import { checkProfileName, type ProfileStore, type StoredProfile } from "./profile-store.js";

/** Where a value came from, most specific first. */
export type ValueSource = "override" | "env" | "profile" | "built-in" | "default";

export type CredentialField = keyof ClientCredentials;

/** Environment variables that override a profile's credentials (CI). */
export const CREDENTIAL_ENV: Readonly<Record<CredentialField, EnvName>> = {
  clientId: "PCX_CLIENT_ID",
  clientSecret: "PCX_CLIENT_SECRET",
  apiKey: "PCX_API_KEY",
};

const CREDENTIAL_LABEL: Readonly<Record<CredentialField, string>> = {
  clientId: "client id",
  clientSecret: "client secret",
  apiKey: "API key",
};

/** The API a command talks to and with which credentials: flags, then env, then the profile. */
export interface Connection {
  profile: string;
  /** "override": --profile or PCX_PROFILE; "default": the saved default; "built-in": the fallback. */
  profileSource: "override" | "default" | "built-in";
  baseUrl: string;
  baseUrlSource: ValueSource;
  credentials: Partial<ClientCredentials>;
  credentialSources: Partial<Record<CredentialField, ValueSource>>;
  stored: StoredProfile | undefined;
}

const nonEmpty = (value: string | undefined) =>
  value !== undefined && value.trim() !== "" ? value : undefined;

/** --profile, else PCX_PROFILE (both in ctx.profile), else the saved default, else "production". */
export function resolveProfileName(
  ctx: Pick<CliContext, "profile">,
  store: Pick<ProfileStore, "defaultProfile">,
): { name: string; source: Connection["profileSource"] } {
  if (ctx.profile) return { name: checkProfileName(ctx.profile), source: "override" };
  const saved = store.defaultProfile();
  if (saved) return { name: saved, source: "default" };
  return { name: FALLBACK_PROFILE, source: "built-in" };
}

/**
 * The connection a command uses. The base URL is checked (`checkBaseUrl`): an
 * https URL, or http to this machine only; a bad --base-url is pcx_usage.
 */
export function resolveConnection(
  ctx: Pick<CliContext, "profile" | "baseUrl" | "env">,
  store: Pick<ProfileStore, "defaultProfile" | "get"> & { path?: string },
): Connection {
  const { name, source } = resolveProfileName(ctx, store);
  const stored = store.get(name);
  const builtin = builtinProfile(name);
  let baseUrl: string;
  let baseUrlSource: ValueSource;
  if (ctx.baseUrl)
    [baseUrl, baseUrlSource] = [checkBaseUrl(ctx.baseUrl, overrideOrigin(ctx)), "override"];
  else if (stored?.baseUrl) {
    const origin = { kind: "profile", profile: name, file: store.path } as const;
    [baseUrl, baseUrlSource] = [checkBaseUrl(stored.baseUrl, origin), "profile"];
  } else if (builtin) [baseUrl, baseUrlSource] = [builtin.baseUrl, "built-in"];
  else [baseUrl, baseUrlSource] = [builtinProfile(FALLBACK_PROFILE)!.baseUrl, "default"];

  const credentials: Partial<ClientCredentials> = {};
  const credentialSources: Connection["credentialSources"] = {};
  for (const field of Object.keys(CREDENTIAL_ENV) as CredentialField[]) {
    const fromEnv = readEnv(ctx.env, CREDENTIAL_ENV[field]);
    const fromProfile = nonEmpty(stored?.[field]);
    const fromBuiltin = builtin?.credentials?.[field];
    const value = fromEnv ?? fromProfile ?? fromBuiltin;
    if (value === undefined) continue;
    credentials[field] = value;
    credentialSources[field] = fromEnv ? "env" : fromProfile ? "profile" : "built-in";
  }
  return {
    profile: name,
    profileSource: source,
    baseUrl: baseUrl.replace(/\/+$/, ""),
    baseUrlSource,
    credentials,
    credentialSources,
    stored,
  };
}

/** The credentials, or pcx_missing_credentials (exit 4) saying how to provide them. */
export function requireCredentials(connection: Connection): ClientCredentials {
  const missing = (Object.keys(CREDENTIAL_ENV) as CredentialField[]).filter(
    (field) => connection.credentials[field] === undefined,
  );
  if (missing.length === 0) return connection.credentials as ClientCredentials;
  const { profile } = connection;
  const loginFlag = profile === FALLBACK_PROFILE ? "" : ` --profile ${profile}`;
  throw new PcxError(
    "pcx_missing_credentials",
    `No ${missing.map((field) => CREDENTIAL_LABEL[field]).join(", ")} for profile "${profile}" (${connection.baseUrl}).`,
    {
      hint: `Run "pcx login${loginFlag}", or set ${missing.map((f) => CREDENTIAL_ENV[f]).join(", ")} (CI); to try pcx locally, start "pcx sandbox" and pass --profile sandbox.`,
      details: { profile, missing },
    },
  );
}

/** Which integration a command acts on, and where that came from. */
export interface IntegrationRef {
  id: number;
  source: "flag" | "env" | "profile";
}

export function parseIntegrationId(value: string, from: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(id) || id < 1) {
    throw new PcxError("pcx_usage", `${from} must be a positive whole number, got "${value}".`, {
      hint: 'The id is what "pcx define" printed when it created the integration.',
    });
  }
  return id;
}

/**
 * --integration, else PCX_INTEGRATION_ID, else the one `pcx define` saved in
 * the profile (only when it was saved for the same API base URL).
 */
export function resolveIntegration(
  flag: number | undefined,
  ctx: Pick<CliContext, "env">,
  connection: Connection,
): IntegrationRef | undefined {
  if (flag !== undefined) return { id: flag, source: "flag" };
  const fromEnv = readEnv(ctx.env, "PCX_INTEGRATION_ID");
  if (fromEnv) return { id: parseIntegrationId(fromEnv, "PCX_INTEGRATION_ID"), source: "env" };
  const saved = connection.stored?.integration;
  if (saved && saved.baseUrl === connection.baseUrl) return { id: saved.id, source: "profile" };
  return undefined;
}

/** pcx_config (exit 4): no integration known for this profile. */
export function noIntegrationError(connection: Connection): PcxError {
  const profileFlag =
    connection.profile === FALLBACK_PROFILE ? "" : ` --profile ${connection.profile}`;
  return new PcxError(
    "pcx_config",
    `No integration to act on for profile "${connection.profile}" (${connection.baseUrl}).`,
    {
      hint: `Publish one with "pcx define${profileFlag}" (it remembers the id), or pass --integration ID (PCX_INTEGRATION_ID in CI).`,
      details: { profile: connection.profile },
    },
  );
}
