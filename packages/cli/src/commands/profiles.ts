import { defineCommand } from "../command.js";
import { ENV_VARS, readEnv } from "../env-vars.js";
import { BUILTIN_PROFILES, builtinProfile } from "../profiles/builtin-profiles.js";
import { checkProfileName, openProfileStore } from "../profiles/profile-store.js";
import { resolveConnection } from "../profiles/resolve-connection.js";
import { type StateSigningKey, stateSigningKey } from "../profiles/state-secret.js";

export interface ProfilesInput {
  /** `--show-state-secret`: print the active profile's state secret (generated and saved when missing). */
  showStateSecret?: boolean;
  /** `--default NAME`: make NAME the profile used without --profile. */
  setDefault?: string;
}

/** "set"/"not set", or "demo" for the sandbox's public demo values. Never the value. */
export type SecretStatus = "set" | "not set" | "demo";

export interface ProfileView {
  name: string;
  builtIn: boolean;
  default: boolean;
  /** The profile this run resolves to (--profile, PCX_PROFILE, the default). */
  active: boolean;
  baseUrl: string;
  clientId: string | null;
  clientSecret: SecretStatus;
  apiKey: SecretStatus;
  integrationId: number | null;
  stateSecret: "set" | "not set";
}

export interface ProfilesResult {
  configFile: string;
  default: string | null;
  active: string;
  /** Environment variables that override profiles in this shell (values never shown). */
  envOverrides: string[];
  profiles: ProfileView[];
  /** Only with --show-state-secret. */
  stateSecret?: {
    profile: string;
    keyId: string;
    secret?: string;
    source: StateSigningKey["source"];
  };
}

/** The variables of the one list (env-vars.ts) that override a profile's values. */
const ENV_OVERRIDES = ENV_VARS.map((v) => v.name).filter(
  (name) => name.startsWith("PCX_") && name !== "PCX_CONFIG_DIR",
);

/** `pcx profiles`: the saved and built-in profiles; secrets only as set / not set. */
export default defineCommand<ProfilesInput, ProfilesResult>({
  async run(input, ctx) {
    const store = await openProfileStore(ctx.env);
    if (input.setDefault !== undefined) store.setDefaultProfile(checkProfileName(input.setDefault));
    const active = resolveConnection(ctx, store);
    const saved = store.list();
    const names = [...new Set([...Object.keys(BUILTIN_PROFILES), ...Object.keys(saved)])];
    const defaultName = store.defaultProfile() ?? null;
    const profiles = names.map((name): ProfileView => {
      const stored = saved[name];
      const builtin = builtinProfile(name);
      const status = (field: "clientSecret" | "apiKey"): SecretStatus =>
        stored?.[field] ? "set" : builtin?.credentials ? "demo" : "not set";
      const baseUrl = stored?.baseUrl ?? builtin?.baseUrl ?? BUILTIN_PROFILES.production!.baseUrl;
      return {
        name,
        builtIn: builtin !== undefined,
        default: name === defaultName,
        active: name === active.profile,
        baseUrl,
        clientId: stored?.clientId ?? builtin?.credentials?.clientId ?? null,
        clientSecret: status("clientSecret"),
        apiKey: status("apiKey"),
        integrationId: stored?.integration?.id ?? null,
        stateSecret: stored?.stateSecret ? "set" : "not set",
      };
    });
    const result: ProfilesResult = {
      configFile: store.path,
      default: defaultName,
      active: active.profile,
      envOverrides: ENV_OVERRIDES.filter((name) => readEnv(ctx.env, name) !== undefined),
      profiles,
    };
    if (input.showStateSecret === true) {
      const key = stateSigningKey(ctx, store, active.profile, { create: true })!;
      result.stateSecret = {
        profile: active.profile,
        keyId: key.keyId,
        source: key.source,
        // From the environment: the caller has it already; pcx does not echo it.
        ...(key.source === "env" ? {} : { secret: key.secret }),
      };
      if (key.source === "generated") {
        const view = profiles.find((p) => p.name === active.profile);
        if (view) view.stateSecret = "set";
      }
    }
    return result;
  },
  async render(result, ctx) {
    const paint = await ctx.out.paint();
    const rows = result.profiles.map((p) => [
      `${p.active ? "*" : " "} ${p.name}${p.default ? " (default)" : ""}`,
      p.baseUrl,
      p.clientId ?? "-",
      p.clientSecret,
      p.apiKey,
      p.integrationId === null ? "-" : String(p.integrationId),
      p.stateSecret,
    ]);
    const header = [
      "  profile",
      "API",
      "client id",
      "secret",
      "API key",
      "integration",
      "state secret",
    ];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd();
    const lines = [paint.bold(line(header)), ...rows.map(line), ""];
    lines.push(`* = the profile this shell uses. Config: ${result.configFile}`);
    if (result.envOverrides.length > 0) {
      lines.push(`Overridden by the environment: ${result.envOverrides.join(", ")}.`);
    }
    const s = result.stateSecret;
    if (s) {
      lines.push("");
      if (s.secret === undefined) {
        lines.push(
          `The state secret of "${s.profile}" comes from PCX_STATE_SECRET (key id ${s.keyId}).`,
        );
      } else {
        lines.push(
          `State secret of "${s.profile}"${s.source === "generated" ? " (generated now and saved)" : ""}, key id ${s.keyId}:`,
          s.secret,
          paint.dim(
            "Give it to your backend (e.g. PCX_STATE_SECRET) so verifyState() accepts the links' state; keep it secret.",
          ),
        );
      }
    }
    return lines.join("\n");
  },
});
